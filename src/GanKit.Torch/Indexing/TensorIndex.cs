namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// One entry of an index expression, as in Python's <c>t[..., None, 0:2]</c>: a single position,
    /// a slice, None (a new axis), the ellipsis, a bool, or an index/mask tensor.
    /// </summary>
    public struct TensorIndex
    {
        internal enum Kind
        {
            None,
            Single,
            Null,
            Ellipsis,
            Bool,
            Tensor,
            Slice,
        }

        internal long? startIndexOrBoolOrSingle;
        internal long? stopIndex;
        internal long? step;
        internal Kind kind;
        internal Tensor? tensor;

        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) =>
            new() { startIndexOrBoolOrSingle = start, stopIndex = stop, step = step, kind = Kind.Slice };

        public static TensorIndex Slice((int? start, int? end) range) => Slice(range.start, range.end);

        public static TensorIndex Slice(System.Range range) => FromRange(range);

        public static TensorIndex Bool(bool value) => new() { startIndexOrBoolOrSingle = value ? 1 : 0, kind = Kind.Bool };

        public static TensorIndex Single(long? index) => new() { startIndexOrBoolOrSingle = index, kind = Kind.Single };

        public static TensorIndex Tensor(Tensor tensor) => new() { tensor = tensor, kind = Kind.Tensor };

        public static TensorIndex Ellipsis = new() { kind = Kind.Ellipsis };

        public static TensorIndex None = new() { kind = Kind.None };

        public static TensorIndex Null = new() { kind = Kind.Null };

        public static TensorIndex Colon = Slice();

        public static implicit operator TensorIndex(long value) => Single(value);

        public static implicit operator TensorIndex((int? start, int? end) range) => Slice(range.start, range.end);

        public static implicit operator TensorIndex(System.Range range) => FromRange(range);

        public static implicit operator TensorIndex(System.Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

        /// <summary>Exists in TorchSharp only to make mixed index lists type-check; it always throws.</summary>
        public static implicit operator Tensor(TensorIndex value) =>
            throw new InvalidOperationException("A TensorIndex cannot be used as a Tensor.");

        // a..b → [a, b); ^k counts from the end; an open end (^0) means "to the end".
        private static TensorIndex FromRange(System.Range range)
        {
            long start = range.Start.IsFromEnd ? -range.Start.Value : range.Start.Value;
            long? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
            return Slice(start, stop);
        }
    }
}
