using TorchSharp.Native;

namespace TorchSharp;

// Reductions over all elements or over dimensions (keepdim), extreme values with their indices,
// topk and sort.
public static partial class torch
{
    public partial class Tensor
    {
        private Tensor WithDType(Op op, ScalarType? type)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.ScalarType(type);
            return a.Call(op);
        }

        /// <summary>A reduction over the given dimensions: (self, int[] dim, bool keepdim, *, ScalarType? dtype).</summary>
        private Tensor OverDims(Op op, ReadOnlySpan<long> dims, bool keepdim, ScalarType? type)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Ints(dims);
            a.Bool(keepdim);
            a.ScalarType(type);
            return a.Call(op);
        }

        public Tensor sum(ScalarType? type = null) => WithDType(Ops.sum, type);
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => OverDims(Ops.sum_dim, dim, keepdim, type);
        public Tensor sum(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => OverDims(Ops.sum_dim, dim, keepdim, type);
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => OverDims(Ops.sum_dim, [dim], keepdim, type);
        public Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => OverDims(Ops.sum_dim, [dim0, dim1], keepdim, type);
        public Tensor sum(long dim0, long dim1, long dim2, bool keepdim = false, ScalarType? type = null) => OverDims(Ops.sum_dim, [dim0, dim1, dim2], keepdim, type);

        public Tensor mean() => WithDType(Ops.mean, null);
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => OverDims(Ops.mean_dim, dimensions, keepdim, type);

        public Tensor prod(ScalarType? type = null) => WithDType(Ops.prod, type);
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.Bool(keepdim);
            a.ScalarType(type);
            return a.Call(Ops.prod_dim_int);
        }

        private Tensor Spread(Op all, Op overDims, ReadOnlySpan<long> dims, bool unbiased, bool keepdim, ScalarType? type)
        {
            // std/var have no dtype argument in libtorch; TorchSharp's type converts the input first.
            using var converted = type is ScalarType t && t != dtype ? to_type(t) : null;
            var a = new OpArgs();
            a.Tensor(converted ?? this);
            if (dims.IsEmpty) {
                a.Bool(unbiased);
                return a.Call(all);
            }
            a.Ints(dims);
            a.Bool(unbiased);
            a.Bool(keepdim);
            return a.Call(overDims);
        }

        public Tensor std(bool unbiased = true) => Spread(Ops.std, Ops.std_dim, [], unbiased, false, null);
        public Tensor var(bool unbiased = true) => Spread(Ops.var, Ops.var_dim, [], unbiased, false, null);
        public Tensor std(ReadOnlySpan<long> dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => Spread(Ops.std, Ops.std_dim, dimensions, unbiased, keepdim, type);
        public Tensor var(ReadOnlySpan<long> dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => Spread(Ops.var, Ops.var_dim, dimensions, unbiased, keepdim, type);
        public Tensor std(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => std((ReadOnlySpan<long>)dimensions, unbiased, keepdim, type);
        public Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => var((ReadOnlySpan<long>)dimensions, unbiased, keepdim, type);
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => std([dim], unbiased, keepdim, type);
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => var([dim], unbiased, keepdim, type);
        public Tensor std((long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => std([dim.Item1, dim.Item2], unbiased, keepdim, type);
        public Tensor var((long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => var([dim.Item1, dim.Item2], unbiased, keepdim, type);
        public Tensor std((long, long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => std([dim.Item1, dim.Item2, dim.Item3], unbiased, keepdim, type);
        public Tensor var((long, long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => var([dim.Item1, dim.Item2, dim.Item3], unbiased, keepdim, type);

        private (Tensor values, Tensor indexes) AlongDim(Op op, long dim, bool keepdim)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.Bool(keepdim);
            return a.CallPair(op);
        }

        public Tensor max() => Unary(Ops.max);
        public Tensor max(Tensor other) => maximum(other);
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => AlongDim(Ops.max_dim, dim, keepdim);
        public Tensor min() => Unary(Ops.min);
        public Tensor min(Tensor other) => minimum(other);
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => AlongDim(Ops.min_dim, dim, keepdim);

        private Tensor ArgExtreme(Op op, long? dim, bool keepdim)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.OptionalInt(dim);
            a.Bool(keepdim);
            return a.Call(op);
        }

        public Tensor argmax() => ArgExtreme(Ops.argmax, null, false);
        public Tensor argmax(long dim, bool keepdim = false) => ArgExtreme(Ops.argmax, dim, keepdim);
        public Tensor argmin() => ArgExtreme(Ops.argmin, null, false);
        public Tensor argmin(long dim, bool keepdim = false) => ArgExtreme(Ops.argmin, dim, keepdim);

        public Tensor all() => Unary(Ops.all);
        public Tensor all(long dim, bool keepdim = false) => ArgExtreme(Ops.all_dim, dim, keepdim);
        public Tensor any() => Unary(Ops.any);
        public Tensor any(long dim, bool keepdim = false) => ArgExtreme(Ops.any_dim, dim, keepdim);

        public (Tensor values, Tensor indexes) topk(int k, int dim = -1, bool largest = true, bool sorted = true)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(k);
            a.Int(dim);
            a.Bool(largest);
            a.Bool(sorted);
            return a.CallPair(Ops.topk);
        }

        public (Tensor Values, Tensor Indices) sort(long dim = -1, bool descending = false, bool stable = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Bool(stable);
            a.Int(dim);
            a.Bool(descending);
            return a.CallPair(Ops.sort_stable);
        }

        public Tensor argsort(long dim = -1, bool descending = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.Bool(descending);
            return a.Call(Ops.argsort);
        }

        public Tensor cumsum(long dim, ScalarType? type = null)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.ScalarType(type);
            return a.Call(Ops.cumsum);
        }
    }

    public static Tensor sum(Tensor input, ScalarType? type = null) => input.sum(type);
    public static Tensor sum(Tensor input, ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
    public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
    public static Tensor mean(Tensor input) => input.mean();
    public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false, ScalarType? type = null) => input.mean(dimensions, keepdim, type);
    public static Tensor prod(Tensor input, ScalarType? type = null) => input.prod(type);
    public static Tensor prod(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.prod(dim, keepdim, type);
    public static Tensor std(Tensor input, bool unbiased = true) => input.std(unbiased);
    public static Tensor std(Tensor input, long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.std(dimensions, unbiased, keepdim, type);
    public static Tensor std(Tensor input, long dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.std(dimensions, unbiased, keepdim, type);
    public static Tensor std(Tensor input, (long, long) dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.std(dimensions, unbiased, keepdim, type);
    public static Tensor std(Tensor input, (long, long, long) dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.std(dimensions, unbiased, keepdim, type);
    public static Tensor var(Tensor input, bool unbiased = true) => input.var(unbiased);
    public static Tensor var(Tensor input, long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.var(dimensions, unbiased, keepdim, type);
    public static Tensor var(Tensor input, long dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.var(dimensions, unbiased, keepdim, type);
    public static Tensor var(Tensor input, (long, long) dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.var(dimensions, unbiased, keepdim, type);
    public static Tensor var(Tensor input, (long, long, long) dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.var(dimensions, unbiased, keepdim, type);
    public static Tensor max(Tensor input) => input.max();
    public static Tensor max(Tensor input, Tensor other) => input.maximum(other);
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    public static Tensor min(Tensor input) => input.min();
    public static Tensor min(Tensor input, Tensor other) => input.minimum(other);
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    public static Tensor argmax(Tensor input) => input.argmax();
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    public static Tensor argmin(Tensor input) => input.argmin();
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);
    public static (Tensor values, Tensor indices) topk(Tensor tensor, int k, int dim = -1, bool largest = true, bool sorted = true) => tensor.topk(k, dim, largest, sorted);
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => input.sort(dim, descending, stable);
    public static Tensor argsort(Tensor input, long dim = -1, bool descending = false) => input.argsort(dim, descending);
    public static Tensor cumsum(Tensor input, long dim, ScalarType? type = null) => input.cumsum(dim, type);
}

file static class Ops
{
    public static readonly Op sum = new("aten::sum");
    public static readonly Op sum_dim = new("aten::sum", "dim_IntList");
    public static readonly Op mean = new("aten::mean");
    public static readonly Op mean_dim = new("aten::mean", "dim");
    public static readonly Op prod = new("aten::prod");
    public static readonly Op prod_dim_int = new("aten::prod", "dim_int");
    public static readonly Op std = new("aten::std");
    public static readonly Op std_dim = new("aten::std", "dim");
    public static readonly Op var = new("aten::var");
    public static readonly Op var_dim = new("aten::var", "dim");
    public static readonly Op max = new("aten::max");
    public static readonly Op max_dim = new("aten::max", "dim");
    public static readonly Op min = new("aten::min");
    public static readonly Op min_dim = new("aten::min", "dim");
    public static readonly Op argmax = new("aten::argmax");
    public static readonly Op argmin = new("aten::argmin");
    public static readonly Op all = new("aten::all");
    public static readonly Op all_dim = new("aten::all", "dim");
    public static readonly Op any = new("aten::any");
    public static readonly Op any_dim = new("aten::any", "dim");
    public static readonly Op topk = new("aten::topk");
    public static readonly Op sort_stable = new("aten::sort", "stable");
    public static readonly Op argsort = new("aten::argsort");
    public static readonly Op cumsum = new("aten::cumsum");
}
