namespace GanKit.Torch.Tests.Scopes;

/// <summary>
/// Dispose scopes as TorchSharp users rely on them: what a scope owns, how ownership moves, and
/// the per-thread statistics a training loop watches to prove it leaks nothing.
/// </summary>
public class DisposeScopeTests
{
    private static ThreadDisposeScopeStatistics Stats => DisposeScopeManager.Statistics;

    [Fact]
    public void ClosingAScopeDisposesWhatWasMadeInItAndNothingElse()
    {
        var outside = ones(2);
        Tensor inside;
        using (var scope = NewDisposeScope()) {
            inside = outside + 1;
            var view = inside.view(2, 1);
            Assert.Equal(2, scope.DisposablesCount);
            Assert.True(scope.Contains(inside) && scope.Contains(view) && !scope.Contains(outside));
        }
        Assert.True(inside.IsInvalid);
        Assert.False(outside.IsInvalid);
        outside.Dispose();
    }

    [Fact]
    public void MovedToOuterLivesUntilTheOuterScopeCloses()
    {
        Tensor kept, dropped;
        using (var outer = NewDisposeScope()) {
            using (var inner = NewDisposeScope()) {
                kept = ones(3).MoveToOuterDisposeScope();
                dropped = zeros(3);
                Assert.False(inner.Contains(kept));
                Assert.True(outer.Contains(kept));
            }
            Assert.True(dropped.IsInvalid);
            Assert.False(kept.IsInvalid);
        }
        Assert.True(kept.IsInvalid);
    }

    [Fact]
    public void DetachedTensorsOutliveEveryScopeAndAreCounted()
    {
        long detachedBefore = Stats.DetachedFromScopeCount;
        Tensor t;
        using (NewDisposeScope())
        using (NewDisposeScope())
            t = ones(2).DetachFromDisposeScope();
        Assert.False(t.IsInvalid);
        Assert.Equal(detachedBefore + 1, Stats.DetachedFromScopeCount);
        t.Dispose();
    }

    [Fact]
    public void ADisposedByHandTensorLeavesItsScopeOnce()
    {
        long liveBefore = Stats.ThreadTotalLiveCount;
        using (var scope = NewDisposeScope()) {
            var a = ones(2);
            var b = ones(2);
            a.Dispose();
            a.Dispose();
            Assert.Equal(1, scope.DisposablesCount);
            Assert.False(scope.Contains(a));
            Assert.True(scope.Contains(b));
        }
        Assert.Equal(liveBefore, Stats.ThreadTotalLiveCount);
    }

    // Tensors in scopes now: created in or attached to one, and neither disposed nor detached since.
    private static long LiveInScopes() =>
        Stats.CreatedInScopeCount + Stats.AttachedToScopeCount - Stats.DisposedInScopeCount - Stats.DetachedFromScopeCount;

    [Fact]
    public void StatisticsReturnToWhereTheyWereWhenAScopeCloses()
    {
        long live = Stats.ThreadTotalLiveCount, inScope = LiveInScopes();
        using (var scope = NewDisposeScope()) {
            var x = rand(4);
            for (int k = 0; k < 10; k++) x = x * 2;
            Assert.Equal(live + 11, Stats.ThreadTotalLiveCount);
            Assert.Equal(inScope + 11, LiveInScopes());
        }
        Assert.Equal(live, Stats.ThreadTotalLiveCount);
        Assert.Equal(inScope, LiveInScopes());
    }

    [Fact]
    public void DisposeEverythingButKeepsTheNamedOnesAndTheScopeStaysUsable()
    {
        using var scope = NewDisposeScope();
        var keep = ones(2);
        var gone = Enumerable.Range(0, 5).Select(_ => zeros(2)).ToArray();
        Assert.Same(keep, scope.DisposeEverythingBut(keep));
        Assert.All(gone, t => Assert.True(t.IsInvalid));
        Assert.False(keep.IsInvalid);
        Assert.Equal(1, scope.DisposablesCount);
        var later = ones(1);
        Assert.True(scope.Contains(later));
        Assert.Equal(2, scope.DisposablesView.Count);
    }

    [Fact]
    public void ALongScopeWhoseTensorsAreDisposedByHandHoldsOnlyTheLiveOnes()
    {
        using var scope = NewDisposeScope();
        var keep = ones(1);
        for (int k = 0; k < 100_000; k++) {
            using var t = keep + k;
        }
        Assert.Equal(1, scope.DisposablesCount);
        Assert.Equal([keep], scope.DisposablesView);
    }

    [Fact]
    public void AttachedTensorsAreDisposedWithTheScopeAndOtherDisposablesRefused()
    {
        var orphan = ones(1).DetachFromDisposeScope();
        using (var scope = NewDisposeScope()) {
            scope.Attach(orphan);
            Assert.True(scope.Contains(orphan));
            Assert.Equal(1, scope.DisposablesCount);
            // As in TorchSharp, a scope manages tensors, nothing else.
            using var other = new MemoryStream();
            Assert.Throws<InvalidOperationException>(() => scope.Attach(other));
            Assert.False(scope.Contains(other));
        }
        Assert.True(orphan.IsInvalid);
    }

    [Fact]
    public void MoveToOtherHandsATensorToAnotherOpenScope()
    {
        using var first = NewDisposeScope();
        var target = ones(1);
        Tensor moved;
        using (var second = NewDisposeScope()) {
            moved = zeros(1).MoveToOtherDisposeScope(target);
            Assert.True(first.Contains(moved));
            Assert.False(second.Contains(moved));
        }
        Assert.False(moved.IsInvalid);
    }

    [Fact]
    public void AParameterTakesItsDataTensorsPlaceInTheScope()
    {
        using var scope = NewDisposeScope();
        var data = ones(2);
        var p = new TorchSharp.Modules.Parameter(data);
        Assert.True(data.IsInvalid);
        Assert.True(scope.Contains(p));
        Assert.False(scope.Contains(data));
        Assert.Equal(1, scope.DisposablesCount);
    }

    [Fact]
    public void ScopesClosedOutOfOrderStillDisposeTheirTensors()
    {
        var outer = NewDisposeScope();
        var inner = NewDisposeScope();
        var a = ones(1);
        outer.Dispose();
        var b = ones(1);   // inner is still the innermost open scope
        Assert.True(inner.Contains(b));
        inner.Dispose();
        Assert.True(a.IsInvalid && b.IsInvalid);
        var c = ones(1);
        Assert.False(outer.Contains(c) || inner.Contains(c));
        c.Dispose();
    }

    [Fact]
    public void AClosedScopeRefusesToBeUsed()
    {
        var scope = NewDisposeScope();
        scope.Dispose();
        scope.Dispose();
        Assert.Throws<ObjectDisposedException>(() => scope.DisposablesCount);
    }
}
