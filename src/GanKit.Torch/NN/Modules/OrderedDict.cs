using System.Collections;

namespace TorchSharp.Utils;

/// <summary>A dictionary that enumerates in insertion order, as module registries need (state_dict order is registration order).</summary>
public sealed class OrderedDict<TKey, TValue> : IEnumerable<(TKey, TValue)> where TKey : notnull
{
    private readonly List<TKey> _keys = [];
    private readonly Dictionary<TKey, TValue> _values = [];

    public int Count => _keys.Count;

    public void Add(TKey key, TValue value)
    {
        _values.Add(key, value);
        _keys.Add(key);
    }

    internal bool TryAdd(TKey key, TValue value)
    {
        if (!_values.TryAdd(key, value)) return false;
        _keys.Add(key);
        return true;
    }

    public bool ContainsKey(TKey key) => _values.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    public bool Remove(TKey key)
    {
        if (!_values.Remove(key)) return false;
        _keys.Remove(key);
        return true;
    }

    public void clear()
    {
        _keys.Clear();
        _values.Clear();
    }

    public TValue this[TKey key]
    {
        get => _values[key];
        set {
            if (!_values.ContainsKey(key)) _keys.Add(key);
            _values[key] = value;
        }
    }

    public IEnumerable<TKey> Keys => _keys;

    public IEnumerable<TValue> Values => _keys.Select(k => _values[k]);

    public IEnumerator<(TKey, TValue)> GetEnumerator()
    {
        foreach (var k in _keys) yield return (k, _values[k]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
