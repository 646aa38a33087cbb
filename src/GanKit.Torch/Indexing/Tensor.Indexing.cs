using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

// Indexing as PyTorch's Python indexing does it: integers select, slices slice, None and true add an
// axis, the ellipsis skips dimensions; index and mask tensors are gathered at the end by aten::index
// (or written by aten::index_put_). Results without tensor indices are views.
public static partial class torch
{
    public partial class Tensor
    {
        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[params TensorIndex[] indices] {
            get => index(indices);
            set => index_put_(value, indices);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[params Tensor[] indices] {
            get => index(indices);
            set => index_put_(value, indices);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[long i1] {
            get => index([i1]);
            set => index_put_(value, [i1]);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[long i1, long i2] {
            get => index([i1, i2]);
            set => index_put_(value, [i1, i2]);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3] {
            get => index([i1, i2, i3]);
            set => index_put_(value, [i1, i2, i3]);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3, long i4] {
            get => index([i1, i2, i3, i4]);
            set => index_put_(value, [i1, i2, i3, i4]);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3, long i4, long i5] {
            get => index([i1, i2, i3, i4, i5]);
            set => index_put_(value, [i1, i2, i3, i4, i5]);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3, long i4, long i5, long i6] {
            get => index([i1, i2, i3, i4, i5, i6]);
            set => index_put_(value, [i1, i2, i3, i4, i5, i6]);
        }

        [System.Runtime.CompilerServices.IndexerName("TensorItems")]
        public Tensor this[params long[] indices] {
            get => index(Array.ConvertAll(indices, i => TensorIndex.Single(i)));
            set => index_put_(value, Array.ConvertAll(indices, i => TensorIndex.Single(i)));
        }

        public Tensor index(params TensorIndex[] indices)
        {
            // Not a using declaration: that would make the local readonly and Take() act on a copy.
            var sliced = Slicing.Apply(this, indices, out var tensorIndices);
            try {
                if (tensorIndices is null) return sliced.Take();
                var a = new OpArgs();
                a.Tensor(sliced.Result);
                a.OptionalTensors(tensorIndices);
                return a.Call(Ops.index);
            } finally {
                sliced.Dispose();
            }
        }

        public Tensor index(params Tensor[] indices) => index(Array.ConvertAll(indices, TensorIndex.Tensor));

        public Tensor index_put_(Tensor value, params TensorIndex[] indices) => index_put_(value, indices, false);

        public Tensor index_put_(Tensor value, TensorIndex[] indices, bool accumulate = false)
        {
            using var sliced = Slicing.Apply(this, indices, out var tensorIndices);
            if (tensorIndices is null) {
                if (accumulate) throw new ArgumentException("accumulate needs at least one index tensor among the indices");
                sliced.Result.copy_(value);
                return this;
            }
            var a = new OpArgs();
            a.Tensor(sliced.Result);
            a.OptionalTensors(tensorIndices);
            a.Tensor(value);
            a.Bool(accumulate);
            a.CallInPlace(Ops.index_put_);
            return this;
        }

        public Tensor index_put_(Tensor value, params Tensor[] indices) => index_put_(value, Array.ConvertAll(indices, TensorIndex.Tensor), false);

        public Tensor index_put_(Tensor value, Tensor[] indices, bool accumulate = false) =>
            index_put_(value, Array.ConvertAll(indices, TensorIndex.Tensor), accumulate);

        /// <summary>Writes a number at the indexed places (converted to this tensor's dtype, as PyTorch does).</summary>
        public Tensor index_put_(Scalar value, params TensorIndex[] indices)
        {
            using var filler = full([], value, dtype, device);
            return index_put_(filler, indices, false);
        }

        public Tensor index_put_(Scalar value, params Tensor[] indices) => index_put_(value, Array.ConvertAll(indices, TensorIndex.Tensor));

        public Tensor select(long dim, long index) => WithInts(Ops.select, dim, index);

        public Tensor index_select(long dim, Tensor index) => Call(Ops.index_select, dim, index);

        public Tensor gather(long dim, Tensor index) => Call(Ops.gather, dim, index);

        public Tensor masked_fill(Tensor mask, Scalar value) => Call(Ops.masked_fill_Scalar, mask, value, false);

        public Tensor masked_fill_(Tensor mask, Scalar value) => Call(Ops.masked_fill__Scalar, mask, value, true);

        public Tensor masked_select(Tensor mask) => Call(Ops.masked_select, mask);
    }

    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);

    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);

    public static Tensor masked_select(Tensor input, Tensor mask) => input.masked_select(mask);

    /// <summary>The basic (view-making) part of an index expression, applied one aten op at a time.</summary>
    private ref struct Slicing : IDisposable
    {
        private readonly Tensor _source;
        private Tensor? _current;
        private List<Tensor>? _made; // index tensors made here (for bool indices)

        private Slicing(Tensor source) => _source = source;

        /// <summary>The sliced view: the source itself when no op was needed.</summary>
        public readonly Tensor Result => _current ?? _source;

        /// <summary>The result as a tensor the caller owns (a fresh alias when nothing was sliced).</summary>
        public Tensor Take()
        {
            if (_current is null) return _source.Unary(Ops.alias);
            var result = _current;
            _current = null;
            return result;
        }

        public void Dispose()
        {
            _current?.Dispose();
            if (_made is not null) foreach (var t in _made) t.Dispose();
        }

        private void Step(Tensor next)
        {
            _current?.Dispose();
            _current = next;
        }

        /// <param name="tensorIndices">Index tensors by dimension of the sliced result (null entries: whole dimension), or null when there are none.</param>
        public static Slicing Apply(Tensor source, TensorIndex[] indices, out Tensor?[]? tensorIndices)
        {
            var s = new Slicing(source);
            tensorIndices = null;
            try {
                long dim = 0;
                long specified = 0;
                foreach (var ix in indices)
                    specified += ix.kind switch {
                        TensorIndex.Kind.Single or TensorIndex.Kind.Slice => 1,
                        TensorIndex.Kind.Tensor => ix.tensor!.dtype is ScalarType.Bool or ScalarType.Byte ? ix.tensor.ndim : 1,
                        _ => 0,
                    };
                foreach (var ix in indices) {
                    switch (ix.kind) {
                    case TensorIndex.Kind.Single:
                        s.Step(s.Result.select(dim, ix.startIndexOrBoolOrSingle ?? throw new ArgumentException("TensorIndex.Single needs an index")));
                        break;
                    case TensorIndex.Kind.Slice: {
                        var step = ix.step ?? 1;
                        // libtorch's C++ indexing (TorchSharp's) refuses it with this error; aten::slice, which we call, does not.
                        if (step <= 0) throw new ExternalException("step must be greater than zero");
                        var a = new OpArgs();
                        a.Tensor(s.Result);
                        a.Int(dim);
                        a.OptionalInt(ix.startIndexOrBoolOrSingle);
                        a.OptionalInt(ix.stopIndex);
                        a.Int(step);
                        s.Step(a.Call(Ops.slice));
                        dim++;
                        break;
                    }
                    case TensorIndex.Kind.None:
                    case TensorIndex.Kind.Null:
                        s.Step(s.Result.unsqueeze(dim));
                        dim++;
                        break;
                    case TensorIndex.Kind.Ellipsis:
                        // Counted against the original dimensions, each time, as libtorch's C++ indexing (PyTorch's and
                        // TorchSharp's) does: a second ellipsis is no error there.
                        dim += source.ndim - specified;
                        break;
                    case TensorIndex.Kind.Bool:
                        // As in PyTorch: a new axis, kept (index 0) for true, emptied for false.
                        s.Step(s.Result.unsqueeze(dim));
                        var kept = ix.startIndexOrBoolOrSingle != 0 ? zeros(1, ScalarType.Int64) : empty(0, ScalarType.Int64);
                        (s._made ??= []).Add(kept);
                        Record(ref tensorIndices, dim, kept);
                        dim++;
                        break;
                    case TensorIndex.Kind.Tensor:
                        Record(ref tensorIndices, dim, ix.tensor!);
                        dim++;
                        break;
                    }
                }
                return s;
            } catch {
                s.Dispose();
                throw;
            }
        }

        private static void Record(ref Tensor?[]? tensorIndices, long dim, Tensor index)
        {
            if (tensorIndices is null || tensorIndices.Length <= dim) Array.Resize(ref tensorIndices, (int)dim + 1);
            tensorIndices[dim] = index;
        }
    }
}

file static class Ops
{
    public static readonly Op alias = new("aten::alias");
    public static readonly Op slice = new("aten::slice", "Tensor");
    public static readonly Op select = new("aten::select", "int");
    public static readonly Op index = new("aten::index", "Tensor");
    public static readonly Op index_put_ = new("aten::index_put_");
    public static readonly Op index_select = new("aten::index_select");
    public static readonly Op gather = new("aten::gather");
    public static readonly Op masked_fill_Scalar = new("aten::masked_fill", "Scalar");
    public static readonly Op masked_fill__Scalar = new("aten::masked_fill_", "Scalar");
    public static readonly Op masked_select = new("aten::masked_select");
}
