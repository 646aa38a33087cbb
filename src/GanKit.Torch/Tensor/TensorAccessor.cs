using System.Collections;

namespace TorchSharp.Utils;

/// <summary>
/// A snapshot of a tensor's elements in row-major order. Ours copies on creation (so it also
/// works for CUDA and non-contiguous tensors); writes through the indexer do not reach the tensor.
/// </summary>
public sealed class TensorAccessor<T> : IEnumerable<T>, IDisposable where T : unmanaged
{
    private readonly T[] _values;
    private readonly long[] _shape;

    internal TensorAccessor(torch.Tensor tensor)
    {
        _values = tensor.ToArrayOf<T>();
        _shape = tensor.shape;
    }

    public long Count => _values.LongLength;

    public T this[long index] => _values[index];

    /// <summary>The element at a multi-dimensional index.</summary>
    public T this[params long[] indices]
    {
        get {
            if (indices.Length != _shape.Length) throw new ArgumentException($"{indices.Length} indices for a {_shape.Length}-d tensor");
            long flat = 0;
            for (int d = 0; d < indices.Length; d++) {
                var i = indices[d] < 0 ? indices[d] + _shape[d] : indices[d];
                if (i < 0 || i >= _shape[d]) throw new IndexOutOfRangeException($"index {indices[d]} out of range for dimension {d} of size {_shape[d]}");
                flat = flat * _shape[d] + i;
            }
            return _values[flat];
        }
    }

    public T[] ToArray() => (T[])_values.Clone();

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() { }
}
