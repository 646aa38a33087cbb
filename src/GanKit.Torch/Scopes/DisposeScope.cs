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

    // Tensors sit in slots in creation order and each knows its slot, so joining and leaving a scope
    // is an array store, not a hash-set update: a training step makes dozens of tensors per scope.
    // Slots of tensors that left stay null until the array is full, then the array is compacted.
    private Tensor?[] _slots;
    private int _used;
    private int _live;

    internal DisposeScope(DisposeScopeManager manager, Tensor?[] slots)
    {
        _manager = manager;
        _slots = slots;
        OuterScope = manager.CurrentDisposeScope;
    }

    internal DisposeScope? OuterScope { get; }

    public IReadOnlyList<IDisposable> DisposablesView => [.. Live().Items()];

    public int DisposablesCount => Live()._live;

    public bool Contains(IDisposable disposable) => disposable is Tensor t && t.OwningDisposeScope == this;

    public T MoveToOuter<T>(T disposable) where T : IDisposable => MoveToOther(OuterScope, disposable);

    public (T1 first, T2 second) MoveToOuter<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable =>
        (MoveToOther(OuterScope, first), MoveToOther(OuterScope, second));

    public (T1 first, T2 second, T3 third) MoveToOuter<T1, T2, T3>(T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable =>
        (MoveToOther(OuterScope, first), MoveToOther(OuterScope, second), MoveToOther(OuterScope, third));

    public void MoveToOuter(params IDisposable[] disposables) => MoveToOther(OuterScope, disposables);

    public void MoveToOuter(IEnumerable<IDisposable> disposables) => MoveToOther(OuterScope, disposables);

    /// <summary>Hands a disposable to another scope; with no scope it belongs to none.</summary>
    public T MoveToOther<T>(DisposeScope? scope, T disposable) where T : IDisposable
    {
        var manager = Live()._manager!;
        if (disposable is Tensor t && Remove(t)) {
            if (scope is null) manager.StatisticsInstance.DetachedFromScopeCount++;
            else scope.Add(t);
        }
        return disposable;
    }

    public void MoveToOther(DisposeScope? scope, IEnumerable<IDisposable> disposables)
    {
        foreach (var d in disposables) MoveToOther(scope, d);
    }

    public T Detach<T>(T disposable) where T : IDisposable => MoveToOther(null, disposable);

    public (T1 first, T2 second) Detach<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable =>
        (Detach(first), Detach(second));

    public void Detach(params IDisposable[] disposables) => MoveToOther(null, disposables);

    public void Detach(IEnumerable<IDisposable> disposables) => MoveToOther(null, disposables);

    public void Attach(IDisposable disposable) => Attach([disposable]);

    public void Attach(params IDisposable[] disposables) => Attach((IEnumerable<IDisposable>)disposables);

    /// <summary>
    /// Takes tensors into this scope, from whatever scope held them. As in TorchSharp, a scope manages tensors only
    /// (TorchSharp also packed sequences, which we do not have): anything else is refused.
    /// </summary>
    public IReadOnlyList<IDisposable> Attach(IEnumerable<IDisposable> disposables)
    {
        var manager = Live()._manager!;
        var attached = new List<IDisposable>();
        foreach (var d in disposables) {
            if (d is not Tensor t) throw new InvalidOperationException($"DisposeScope can only manage tensors, not {d.GetType().Name}.");
            if (Contains(t)) continue;
            t.OwningDisposeScope?.Remove(t);
            Add(t);
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

    public void DisposeEverythingBut(IEnumerable<IDisposable> inKeep)
    {
        var kept = new HashSet<IDisposable>(inKeep, ReferenceEqualityComparer.Instance);
        Live().DisposeAll(kept.Count == 0 ? null : kept);
        Compact();
    }

    /// <summary>Called when a tensor of this scope is disposed by hand, so the scope forgets it.</summary>
    public void MarkAsDisposed(IDisposable disposable)
    {
        if (Remove(disposable) && _manager is not null && !(disposable is Tensor { IsInvalid: true }))
            _manager.StatisticsInstance.DisposedInScopeCount++;
    }

    public void Dispose()
    {
        if (_manager is null) return;
        var manager = _manager;
        DisposeAll(keep: null);
        manager.RemoveDisposeScope(this);
        manager.ReturnSlots(_slots, _used);
        _slots = [];
        _manager = null;
    }

    /// <summary>Puts a tensor in this scope; the caller has made sure no other scope holds it.</summary>
    internal void Add(Tensor tensor)
    {
        if (_used == _slots.Length) MakeRoom();
        _slots[_used] = tensor;
        tensor.ScopeSlot = _used++;
        tensor.OwningDisposeScope = this;
        _live++;
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="tensor"/> was (a parameter taking over its data).</summary>
    internal void Replace(Tensor tensor, Tensor replacement)
    {
        _slots[tensor.ScopeSlot] = replacement;
        replacement.ScopeSlot = tensor.ScopeSlot;
        replacement.OwningDisposeScope = this;
        tensor.OwningDisposeScope = null;
    }

    private bool Remove(IDisposable disposable)
    {
        if (disposable is not Tensor t || t.OwningDisposeScope != this) return false;
        _slots[t.ScopeSlot] = null;
        t.OwningDisposeScope = null;
        _live--;
        return true;
    }

    // Disposing a tensor calls MarkAsDisposed, which empties its slot.
    private void DisposeAll(HashSet<IDisposable>? keep)
    {
        for (int k = 0; k < _used; k++)
            if (_slots[k] is { } t && keep?.Contains(t) != true) t.Dispose();
    }

    private void MakeRoom()
    {
        if (_live <= _used / 2 && _used > 0) Compact();
        else Array.Resize(ref _slots, Math.Max(16, _slots.Length * 2));
    }

    private void Compact()
    {
        int n = 0;
        for (int k = 0; k < _used; k++) {
            if (_slots[k] is not { } t) continue;
            _slots[k] = null;
            _slots[n] = t;
            t.ScopeSlot = n++;
        }
        _used = n;
    }

    private IEnumerable<IDisposable> Items()
    {
        for (int k = 0; k < _used; k++)
            if (_slots[k] is { } t) yield return t;
    }

    private DisposeScope Live() => _manager is null ? throw new ObjectDisposedException(nameof(DisposeScope)) : this;
}
