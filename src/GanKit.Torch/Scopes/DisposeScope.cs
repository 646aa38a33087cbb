using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>
/// Owns every tensor created on its thread while it is the innermost scope, and disposes them
/// with itself. Move results out with <see cref="MoveToOuter{T}(T)"/> (or
/// <c>tensor.MoveToOuterDisposeScope()</c>); keep them forever with <see cref="Detach{T}(T)"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    private DisposeScopeManager? _manager;

    internal DisposeScope(DisposeScopeManager manager)
    {
        _manager = manager;
        OuterScope = manager.CurrentDisposeScope;
    }

    internal DisposeScope? OuterScope { get; }

    internal HashSet<IDisposable> Disposables { get; } = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<IDisposable> DisposablesView => Live().Disposables.ToArray();

    public int DisposablesCount => Live().Disposables.Count;

    public bool Contains(IDisposable disposable) => Disposables.Contains(disposable);

    public T MoveToOuter<T>(T disposable) where T : IDisposable
    {
        MoveToOther(OuterScope, [disposable]);
        return disposable;
    }

    public (T1 first, T2 second) MoveToOuter<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable
    {
        MoveToOther(OuterScope, [first, second]);
        return (first, second);
    }

    public (T1 first, T2 second, T3 third) MoveToOuter<T1, T2, T3>(T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable
    {
        MoveToOther(OuterScope, [first, second, third]);
        return (first, second, third);
    }

    public void MoveToOuter(params IDisposable[] disposables) => MoveToOther(OuterScope, disposables);

    public void MoveToOuter(IEnumerable<IDisposable> disposables) => MoveToOther(OuterScope, disposables);

    public T MoveToOther<T>(DisposeScope? scope, T disposable) where T : IDisposable
    {
        MoveToOther(scope, [disposable]);
        return disposable;
    }

    /// <summary>Hands disposables to another scope; with no scope they belong to none.</summary>
    public void MoveToOther(DisposeScope? scope, IEnumerable<IDisposable> disposables)
    {
        var manager = Live()._manager!;
        foreach (var d in disposables) {
            if (!Disposables.Remove(d)) continue;
            if (scope is null) {
                SetOwner(d, null);
                manager.StatisticsInstance.DetachedFromScopeCount++;
            } else {
                scope.Disposables.Add(d);
                SetOwner(d, scope);
            }
        }
    }

    public T Detach<T>(T disposable) where T : IDisposable
    {
        Detach([disposable]);
        return disposable;
    }

    public (T1 first, T2 second) Detach<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable
    {
        Detach([first, second]);
        return (first, second);
    }

    public void Detach(params IDisposable[] disposables) => Detach((IEnumerable<IDisposable>)disposables);

    public void Detach(IEnumerable<IDisposable> disposables) => MoveToOther(null, disposables);

    public void Attach(IDisposable disposable) => Attach([disposable]);

    public void Attach(params IDisposable[] disposables) => Attach((IEnumerable<IDisposable>)disposables);

    /// <summary>Takes disposables into this scope, from whatever scope held them.</summary>
    public IReadOnlyList<IDisposable> Attach(IEnumerable<IDisposable> disposables)
    {
        var manager = Live()._manager!;
        var attached = new List<IDisposable>();
        foreach (var d in disposables) {
            var owner = d is Tensor t ? t.OwningDisposeScope : null;
            if (owner == this) continue;
            owner?.Disposables.Remove(d);
            Disposables.Add(d);
            SetOwner(d, this);
            manager.StatisticsInstance.AttachedToScopeCount++;
            attached.Add(d);
        }
        return attached;
    }

    public void DisposeEverything() => DisposeEverythingBut([]);

    public void DisposeEverythingBut(params IDisposable[] keep) => DisposeEverythingBut((IEnumerable<IDisposable>)keep);

    public T DisposeEverythingBut<T>(T keep) where T : IDisposable
    {
        DisposeEverythingBut([keep]);
        return keep;
    }

    public (T1 first, T2 second) DisposeEverythingBut<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable
    {
        DisposeEverythingBut([first, second]);
        return (first, second);
    }

    public void DisposeEverythingBut(IEnumerable<IDisposable> keep)
    {
        var kept = new HashSet<IDisposable>(keep, ReferenceEqualityComparer.Instance);
        var doomed = Live().Disposables.Where(d => !kept.Contains(d)).ToArray();
        foreach (var d in doomed) {
            Disposables.Remove(d);
            SetOwner(d, null);
            d.Dispose();
        }
    }

    /// <summary>Called by a tensor disposed by hand, so the scope forgets it.</summary>
    public void MarkAsDisposed(IDisposable disposable)
    {
        Disposables.Remove(disposable);
        SetOwner(disposable, null);
    }

    public void Dispose()
    {
        if (_manager is null) return;
        var manager = _manager;
        var all = Disposables.ToArray();
        Disposables.Clear();
        foreach (var d in all) {
            SetOwner(d, null);
            d.Dispose();
        }
        manager.RemoveDisposeScope(this);
        _manager = null;
    }

    private DisposeScope Live() => _manager is null ? throw new ObjectDisposedException(nameof(DisposeScope)) : this;

    private static void SetOwner(IDisposable d, DisposeScope? scope)
    {
        if (d is Tensor t) t.OwningDisposeScope = scope;
    }
}
