using TorchSharp.Native;

namespace TorchSharp;

// Views and reshapes: view, reshape, flatten, permute, transpose, squeeze, unsqueeze, expand, repeat,
// narrow, and the splitting ops that return several tensors (chunk, split, unbind).
public static partial class torch
{
    public partial class Tensor
    {
        private Tensor WithInts(Op op, ReadOnlySpan<long> values)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Ints(values);
            return a.Call(op);
        }

        private Tensor WithInt(Op op, long value)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(value);
            return a.Call(op);
        }

        private Tensor WithInts(Op op, long first, long second)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(first);
            a.Int(second);
            return a.Call(op);
        }

        public Tensor view(params long[] shape) => WithInts(Ops.view, shape);

        public Tensor view_as(Tensor other) => view(other.shape);

        public Tensor reshape(params long[] shape) => WithInts(Ops.reshape, shape);

        public Tensor flatten(long start_dim = 0, long end_dim = -1) => WithInts(Ops.flatten, start_dim, end_dim);

        public Tensor unflatten(long dim, params long[] sizes)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.Ints(sizes);
            return a.Call(Ops.unflatten);
        }

        public Tensor permute(params long[] permutation) => WithInts(Ops.permute, permutation);

        public Tensor permute(IEnumerable<long> permutation) => permute(permutation.ToArray());

        public Tensor transpose(long dim0, long dim1) => WithInts(Ops.transpose, dim0, dim1);

        public Tensor swapdims(long dim0, long dim1) => transpose(dim0, dim1);

        public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);

        public Tensor t() => Unary(Ops.t);

        /// <summary>All dimensions reversed (TorchSharp's T, unlike PyTorch's deprecated 2-D-only form).</summary>
        public Tensor T {
            get {
                var order = new long[ndim];
                for (int k = 0; k < order.Length; k++) order[k] = order.Length - 1 - k;
                return permute(order);
            }
        }

        /// <summary>The last two dimensions swapped.</summary>
        public Tensor mT => Unary(Ops.mT);

        public Tensor squeeze(long? dim = null) => dim is long d ? WithInt(Ops.squeeze_dim, d) : Unary(Ops.squeeze);

        public Tensor squeeze_(long? dim = null)
        {
            var a = new OpArgs();
            a.Tensor(this);
            if (dim is long d) a.Int(d);
            a.CallInPlace(dim is null ? Ops.squeeze_ : Ops.squeeze__dim);
            return this;
        }

        public Tensor unsqueeze(long dim) => WithInt(Ops.unsqueeze, dim);

        public Tensor unsqueeze_(long dim)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.CallInPlace(Ops.unsqueeze_);
            return this;
        }

        public Tensor expand(ReadOnlySpan<long> sizes, bool isImplicit = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Ints(sizes);
            a.Bool(isImplicit);
            return a.Call(Ops.expand);
        }

        public Tensor expand(long[] sizes, bool isImplicit = false) => expand((ReadOnlySpan<long>)sizes, isImplicit);

        public Tensor expand(params long[] sizes) => expand((ReadOnlySpan<long>)sizes, false);

        public Tensor expand_as(Tensor other) => expand(other.shape);

        public Tensor repeat(params long[] sizes) => WithInts(Ops.repeat, sizes);

        public Tensor narrow(long dim, long start, long length)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.Int(start);
            a.Int(length);
            return a.Call(Ops.narrow);
        }

        /// <summary>A call returning a tensor list of at most <paramref name="bound"/> parts.</summary>
        private Tensor[] Parts(Op op, long bound, long dim)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            return a.CallMany(op, (int)Math.Max(bound, 1));
        }

        public Tensor[] chunk(long chunks, long dim = 0L)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(chunks);
            a.Int(dim);
            return a.CallMany(Ops.chunk, (int)Math.Max(chunks, 1));
        }

        public Tensor[] split(long size, int dim = 0)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(size);
            a.Int(dim);
            return a.CallMany(Ops.split_Tensor, (int)Math.Max(this.size(dim), 1));
        }

        public Tensor[] split(ReadOnlySpan<long> sizes, long dim = 0)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Ints(sizes);
            a.Int(dim);
            return a.CallMany(Ops.split_with_sizes, Math.Max(sizes.Length, 1));
        }

        public Tensor[] split(long[] sizes, long dim = 0) => split((ReadOnlySpan<long>)sizes, dim);

        public Tensor[] split(params long[] sizes) => split((ReadOnlySpan<long>)sizes, 0);

        public Tensor[] unbind(long dimension = 0L) => Parts(Ops.unbind, size((int)dimension), dimension);
    }

    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);

    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);

    public static Tensor permute(Tensor input, params long[] permutation) => input.permute(permutation);

    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);

    public static Tensor t(Tensor input) => input.t();

    public static Tensor squeeze(Tensor input, long? dim = null) => input.squeeze(dim);

    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);

    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);

    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);

    public static Tensor[] split(Tensor tensor, long[] split_size_or_sections, long dim = 0L) => tensor.split(split_size_or_sections, dim);

    public static Tensor[] unbind(Tensor input, long dim = 0L) => input.unbind(dim);

    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Join(Ops.cat, tensors.ToArray(), dim);

    public static Tensor cat(Tensor[] tensors, long dim = 0) => Join(Ops.cat, tensors, dim);

    public static Tensor cat(ReadOnlySpan<Tensor> tensors, long dim = 0) => Join(Ops.cat, tensors, dim);

    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    public static Tensor concat(Tensor[] tensors, long dim = 0) => cat(tensors, dim);

    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => Join(Ops.stack, tensors.ToArray(), dim);

    private static Tensor Join(Op op, ReadOnlySpan<Tensor> tensors, long dim)
    {
        var a = new OpArgs();
        a.Tensors(tensors);
        a.Int(dim);
        return a.Call(op);
    }
}

file static class Ops
{
    public static readonly Op view = new("aten::view");
    public static readonly Op reshape = new("aten::reshape");
    public static readonly Op flatten = new("aten::flatten", "using_ints");
    public static readonly Op unflatten = new("aten::unflatten", "int");
    public static readonly Op permute = new("aten::permute");
    public static readonly Op transpose = new("aten::transpose", "int");
    public static readonly Op t = new("aten::t");
    public static readonly Op mT = new("aten::mT");
    public static readonly Op squeeze = new("aten::squeeze");
    public static readonly Op squeeze_dim = new("aten::squeeze", "dim");
    public static readonly Op squeeze_ = new("aten::squeeze_");
    public static readonly Op squeeze__dim = new("aten::squeeze_", "dim");
    public static readonly Op unsqueeze = new("aten::unsqueeze");
    public static readonly Op unsqueeze_ = new("aten::unsqueeze_");
    public static readonly Op expand = new("aten::expand");
    public static readonly Op repeat = new("aten::repeat");
    public static readonly Op narrow = new("aten::narrow");
    public static readonly Op chunk = new("aten::chunk");
    public static readonly Op split_Tensor = new("aten::split", "Tensor");
    public static readonly Op split_with_sizes = new("aten::split_with_sizes");
    public static readonly Op unbind = new("aten::unbind", "int");
    public static readonly Op cat = new("aten::cat");
    public static readonly Op stack = new("aten::stack");
}
