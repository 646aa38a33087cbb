using TorchSharp.Native;
using static TorchSharp.torch;

namespace TorchSharp.Optim;

/// <summary>
/// The aten ops optimisers and gradient utilities are built from, called directly so that this
/// folder adds no public tensor methods. The <c>_foreach_*</c> ops update a whole parameter list in
/// one native call; on CPU libtorch runs them as a loop of the same single-tensor kernels PyTorch's
/// default (single-tensor) optimiser path calls, so the numbers are identical.
/// </summary>
/// <remarks>libtorch rejects empty tensor lists: callers skip empty groups.</remarks>
internal static class ForeachOps
{
    public static Tensor[] Neg(Tensor[] xs)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        return a.CallMany(Ops.foreach_neg, xs.Length);
    }

    public static Tensor[] Sqrt(Tensor[] xs)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        return a.CallMany(Ops.foreach_sqrt, xs.Length);
    }

    public static void SqrtInPlace(Tensor[] xs)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.CallInPlace(Ops.foreach_sqrt_);
    }

    public static void ZeroInPlace(Tensor[] xs)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.CallInPlace(Ops.foreach_zero_);
    }

    /// <summary>xs + alpha·ys, element list by element list.</summary>
    public static Tensor[] Add(Tensor[] xs, Tensor[] ys, double alpha)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(ys);
        a.Scalar(alpha);
        return a.CallMany(Ops.foreach_add_List, xs.Length);
    }

    /// <summary>xs += alpha·ys.</summary>
    public static void AddInPlace(Tensor[] xs, Tensor[] ys, double alpha)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(ys);
        a.Scalar(alpha);
        a.CallInPlace(Ops.foreach_add__List);
    }

    public static void AddInPlace(Tensor[] xs, double scalar) => WithScalarInPlace(Ops.foreach_add__Scalar, xs, scalar);

    public static void MulInPlace(Tensor[] xs, double scalar) => WithScalarInPlace(Ops.foreach_mul__Scalar, xs, scalar);

    public static void MulInPlace(Tensor[] xs, Tensor[] ys)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(ys);
        a.CallInPlace(Ops.foreach_mul__List);
    }

    /// <summary>xs[k] /= scalars[k].</summary>
    public static void DivInPlace(Tensor[] xs, double[] scalars)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Doubles(scalars);
        a.CallInPlace(Ops.foreach_div__ScalarList);
    }

    /// <summary>xs = max(xs, ys) elementwise.</summary>
    public static void MaximumInPlace(Tensor[] xs, Tensor[] ys)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(ys);
        a.CallInPlace(Ops.foreach_maximum__List);
    }

    /// <summary>xs + value·t1·t2 as new tensors.</summary>
    public static Tensor[] Addcmul(Tensor[] xs, Tensor[] t1, Tensor[] t2, double value)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(t1);
        a.Tensors(t2);
        a.Scalar(value);
        return a.CallMany(Ops.foreach_addcmul_Scalar, xs.Length);
    }

    /// <summary>xs += value·t1·t2.</summary>
    public static void AddcmulInPlace(Tensor[] xs, Tensor[] t1, Tensor[] t2, double value) =>
        TernaryInPlace(Ops.foreach_addcmul__Scalar, xs, t1, t2, value);

    /// <summary>xs += value·t1/t2.</summary>
    public static void AddcdivInPlace(Tensor[] xs, Tensor[] t1, Tensor[] t2, double value) =>
        TernaryInPlace(Ops.foreach_addcdiv__Scalar, xs, t1, t2, value);

    /// <summary>xs[k] += values[k]·t1[k]/t2[k].</summary>
    public static void AddcdivInPlace(Tensor[] xs, Tensor[] t1, Tensor[] t2, double[] values)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(t1);
        a.Tensors(t2);
        a.Doubles(values);
        a.CallInPlace(Ops.foreach_addcdiv__ScalarList);
    }

    /// <summary>The p-norm of each tensor (p may be infinity).</summary>
    public static Tensor[] Norm(Tensor[] xs, double p)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Scalar(p);
        return a.CallMany(Ops.foreach_norm_Scalar, xs.Length);
    }

    // ---- single tensors -----------------------------------------------------------------------

    public static Tensor ZerosLike(Tensor x)
    {
        var a = new OpArgs();
        a.Tensor(x);
        return a.Call(Ops.zeros_like);
    }

    public static Tensor Stack(Tensor[] xs)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        return a.Call(Ops.stack);
    }

    public static Tensor Norm(Tensor x, double p)
    {
        var a = new OpArgs();
        a.Tensor(x);
        a.Scalar(p);
        return a.Call(Ops.norm_Scalar);
    }

    public static Tensor Reciprocal(Tensor x)
    {
        var a = new OpArgs();
        a.Tensor(x);
        return a.Call(Ops.reciprocal);
    }

    /// <summary>x clamped in place to [min, max]; a null bound is open.</summary>
    public static void ClampInPlace(Tensor x, double? min, double? max)
    {
        var a = new OpArgs();
        a.Tensor(x);
        a.OptionalDouble(min);
        a.OptionalDouble(max);
        a.CallInPlace(Ops.clamp_);
    }

    /// <summary>x clamped to at most max, as a new tensor.</summary>
    public static Tensor ClampMax(Tensor x, double max)
    {
        var a = new OpArgs();
        a.Tensor(x);
        a.None();
        a.Double(max);
        return a.Call(Ops.clamp);
    }

    private static void WithScalarInPlace(Op op, Tensor[] xs, double scalar)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Scalar(scalar);
        a.CallInPlace(op);
    }

    private static void TernaryInPlace(Op op, Tensor[] xs, Tensor[] t1, Tensor[] t2, double value)
    {
        var a = new OpArgs();
        a.Tensors(xs);
        a.Tensors(t1);
        a.Tensors(t2);
        a.Scalar(value);
        a.CallInPlace(op);
    }
}

file static class Ops
{
    public static readonly Op foreach_neg = new("aten::_foreach_neg");
    public static readonly Op foreach_sqrt = new("aten::_foreach_sqrt");
    public static readonly Op foreach_sqrt_ = new("aten::_foreach_sqrt_");
    public static readonly Op foreach_zero_ = new("aten::_foreach_zero_");
    public static readonly Op foreach_add_List = new("aten::_foreach_add", "List");
    public static readonly Op foreach_add__List = new("aten::_foreach_add_", "List");
    public static readonly Op foreach_add__Scalar = new("aten::_foreach_add_", "Scalar");
    public static readonly Op foreach_mul__Scalar = new("aten::_foreach_mul_", "Scalar");
    public static readonly Op foreach_mul__List = new("aten::_foreach_mul_", "List");
    public static readonly Op foreach_div__ScalarList = new("aten::_foreach_div_", "ScalarList");
    public static readonly Op foreach_maximum__List = new("aten::_foreach_maximum_", "List");
    public static readonly Op foreach_addcmul_Scalar = new("aten::_foreach_addcmul", "Scalar");
    public static readonly Op foreach_addcmul__Scalar = new("aten::_foreach_addcmul_", "Scalar");
    public static readonly Op foreach_addcdiv__Scalar = new("aten::_foreach_addcdiv_", "Scalar");
    public static readonly Op foreach_addcdiv__ScalarList = new("aten::_foreach_addcdiv_", "ScalarList");
    public static readonly Op foreach_norm_Scalar = new("aten::_foreach_norm", "Scalar");
    public static readonly Op zeros_like = new("aten::zeros_like");
    public static readonly Op stack = new("aten::stack");
    public static readonly Op norm_Scalar = new("aten::norm", "Scalar");
    public static readonly Op reciprocal = new("aten::reciprocal");
    public static readonly Op clamp_ = new("aten::clamp_");
    public static readonly Op clamp = new("aten::clamp");
}
