using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>The per-thread stack of dispose scopes and the tensor statistics that go with it.</summary>
public sealed class DisposeScopeManager
{
    [ThreadStatic] private static DisposeScopeManager? _threadSingleton;

    internal static DisposeScopeManager ThreadSingleton => _threadSingleton ??= new DisposeScopeManager();

    /// <summary>Tensor counts on the calling thread: a training loop should keep <c>ThreadTotalLiveCount</c> flat.</summary>
    public static ThreadDisposeScopeStatistics Statistics => ThreadSingleton.StatisticsInstance;

    internal ThreadDisposeScopeStatistics StatisticsInstance { get; } = new();

    internal DisposeScope? CurrentDisposeScope { get; private set; }

    internal DisposeScope NewDisposeScope()
    {
        var slots = _spareSlots ?? new Tensor?[16];
        _spareSlots = null;
        return CurrentDisposeScope = new DisposeScope(this, slots);
    }

    // A loop opens and closes a scope per step: the slot array of the last closed scope serves the next.
    private Tensor?[]? _spareSlots;

    internal void ReturnSlots(Tensor?[] slots, int used)
    {
        if (slots.Length > 4096) return;
        Array.Clear(slots, 0, used);
        if (_spareSlots is null || _spareSlots.Length < slots.Length) _spareSlots = slots;
    }

    internal void Register(Tensor tensor)
    {
        var scope = CurrentDisposeScope;
        if (scope is null) {
            StatisticsInstance.CreatedOutsideScopeCount++;
            return;
        }
        StatisticsInstance.CreatedInScopeCount++;
        scope.Add(tensor);
    }

    internal void RemoveDisposeScope(DisposeScope scope)
    {
        // Scopes normally close innermost first; one closed out of order is simply unlinked.
        if (CurrentDisposeScope == scope) {
            CurrentDisposeScope = scope.OuterScope;
            while (CurrentDisposeScope is not null && !IsOpen(CurrentDisposeScope)) CurrentDisposeScope = CurrentDisposeScope.OuterScope;
        } else {
            _closedOutOfOrder.Add(scope);
        }
    }

    private readonly HashSet<DisposeScope> _closedOutOfOrder = new(ReferenceEqualityComparer.Instance);

    private bool IsOpen(DisposeScope scope) => !_closedOutOfOrder.Remove(scope);
}

/// <summary>Counts of tensors created and disposed on one thread, inside and outside dispose scopes.</summary>
public sealed class ThreadDisposeScopeStatistics
{
    public long CreatedOutsideScopeCount { get; internal set; }
    public long DisposedOutsideScopeCount { get; internal set; }
    public long CreatedInScopeCount { get; internal set; }
    public long DisposedInScopeCount { get; internal set; }
    public long AttachedToScopeCount { get; internal set; }
    public long DetachedFromScopeCount { get; internal set; }

    /// <summary>Tensors created on this thread and not yet disposed.</summary>
    public long ThreadTotalLiveCount => CreatedInScopeCount + CreatedOutsideScopeCount - DisposedInScopeCount - DisposedOutsideScopeCount;

    public void Reset()
    {
        CreatedOutsideScopeCount = DisposedOutsideScopeCount = CreatedInScopeCount = DisposedInScopeCount = 0;
        AttachedToScopeCount = DetachedFromScopeCount = 0;
    }

    public override string ToString() =>
        $"ThreadTotalLiveCount: {ThreadTotalLiveCount}; CreatedOutsideScopeCount: {CreatedOutsideScopeCount}; DisposedOutsideScopeCount: {DisposedOutsideScopeCount}; " +
        $"CreatedInScopeCount: {CreatedInScopeCount}; DisposedInScopeCount: {DisposedInScopeCount}; AttachedToScopeCount: {AttachedToScopeCount}; DetachedFromScopeCount: {DetachedFromScopeCount}";
}
