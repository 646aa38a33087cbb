using TorchSharp.Native;

namespace TorchSharp;

// Elementwise comparisons (methods and operators, all returning Bool tensors as in TorchSharp, where
// == and != are elementwise too), logical ops, and whole-tensor equality (Equals, equal, allclose).
public static partial class torch
{
    public partial class Tensor
    {
        public Tensor eq(Tensor target) => Call(Ops.eq_Tensor, target);
        public Tensor eq(Scalar target) => Call(Ops.eq_Scalar, target);
        public Tensor ne(Tensor target) => Call(Ops.ne_Tensor, target);
        public Tensor ne(Scalar target) => Call(Ops.ne_Scalar, target);
        public Tensor lt(Tensor target) => Call(Ops.lt_Tensor, target);
        public Tensor lt(Scalar target) => Call(Ops.lt_Scalar, target);
        public Tensor le(Tensor target) => Call(Ops.le_Tensor, target);
        public Tensor le(Scalar target) => Call(Ops.le_Scalar, target);
        public Tensor gt(Tensor target) => Call(Ops.gt_Tensor, target);
        public Tensor gt(Scalar target) => Call(Ops.gt_Scalar, target);
        public Tensor ge(Tensor target) => Call(Ops.ge_Tensor, target);
        public Tensor ge(Scalar target) => Call(Ops.ge_Scalar, target);

        public Tensor not_equal(Tensor target) => ne(target);
        public Tensor less(Tensor target) => lt(target);
        public Tensor less_equal(Tensor target) => le(target);
        public Tensor greater(Tensor target) => gt(target);
        public Tensor greater_equal(Tensor target) => ge(target);

        public Tensor logical_and(Tensor other) => Call(Ops.logical_and, other);
        public Tensor logical_or(Tensor other) => Call(Ops.logical_or, other);
        public Tensor logical_xor(Tensor other) => Call(Ops.logical_xor, other);
        public Tensor logical_not() => Unary(Ops.logical_not);

        /// <summary>
        /// True when both tensors have the same shape and elements (torch.equal, as TorchSharp calls it): values compare
        /// across dtypes, and a tensor holding NaN is not equal to itself.
        /// </summary>
        public bool Equals(Tensor target)
        {
            if (target is null) return false;
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(target);
            return a.CallValue(Ops.equal).I != 0;
        }

        public Tensor equal(Tensor target) => eq(target);

        public override bool Equals(object? obj) => obj is Tensor t && Equals(t);

        // Identity hash, as TorchSharp: tensors are mutable, so a value hash would change under a set or dictionary.
        public override int GetHashCode() => base.GetHashCode();

        public bool allclose(Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            if (target is null) return false;
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(target);
            a.Double(rtol);
            a.Double(atol);
            a.Bool(equal_nan);
            return a.CallValue(Ops.allclose).I != 0;
        }

        public static Tensor operator ==(Tensor left, Tensor right) => left.eq(right);
        public static Tensor operator ==(Tensor left, Scalar right) => left.eq(right);
        public static Tensor operator ==(Scalar left, Tensor right) => right.eq(left);
        public static Tensor operator !=(Tensor left, Tensor right) => left.ne(right);
        public static Tensor operator !=(Tensor left, Scalar right) => left.ne(right);
        public static Tensor operator !=(Scalar left, Tensor right) => right.ne(left);
        public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
        public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
        public static Tensor operator <(Scalar left, Tensor right) => right.gt(left);
        public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
        public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
        public static Tensor operator <=(Scalar left, Tensor right) => right.ge(left);
        public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
        public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
        public static Tensor operator >(Scalar left, Tensor right) => right.lt(left);
        public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
        public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);
        public static Tensor operator >=(Scalar left, Tensor right) => right.le(left);
    }

    public static Tensor eq(Tensor left, Tensor right) => left.eq(right);
    public static Tensor ne(Tensor left, Tensor right) => left.ne(right);
    public static Tensor lt(Tensor left, Tensor right) => left.lt(right);
    public static Tensor le(Tensor left, Tensor right) => left.le(right);
    public static Tensor gt(Tensor left, Tensor right) => left.gt(right);
    public static Tensor ge(Tensor left, Tensor right) => left.ge(right);
    public static Tensor equal(Tensor tensor, Tensor target) => tensor.eq(target);
    public static Tensor logical_and(Tensor left, Tensor right) => left.logical_and(right);
    public static Tensor logical_or(Tensor left, Tensor right) => left.logical_or(right);
    public static Tensor logical_xor(Tensor left, Tensor right) => left.logical_xor(right);
    public static Tensor logical_not(Tensor input) => input.logical_not();
    public static bool allclose(Tensor tensor, Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        tensor.allclose(target, rtol, atol, equal_nan);
}

file static class Ops
{
    public static readonly Op eq_Tensor = new("aten::eq", "Tensor");
    public static readonly Op eq_Scalar = new("aten::eq", "Scalar");
    public static readonly Op ne_Tensor = new("aten::ne", "Tensor");
    public static readonly Op ne_Scalar = new("aten::ne", "Scalar");
    public static readonly Op lt_Tensor = new("aten::lt", "Tensor");
    public static readonly Op lt_Scalar = new("aten::lt", "Scalar");
    public static readonly Op le_Tensor = new("aten::le", "Tensor");
    public static readonly Op le_Scalar = new("aten::le", "Scalar");
    public static readonly Op gt_Tensor = new("aten::gt", "Tensor");
    public static readonly Op gt_Scalar = new("aten::gt", "Scalar");
    public static readonly Op ge_Tensor = new("aten::ge", "Tensor");
    public static readonly Op ge_Scalar = new("aten::ge", "Scalar");
    public static readonly Op logical_and = new("aten::logical_and");
    public static readonly Op logical_or = new("aten::logical_or");
    public static readonly Op logical_xor = new("aten::logical_xor");
    public static readonly Op logical_not = new("aten::logical_not");
    public static readonly Op equal = new("aten::equal");
    public static readonly Op allclose = new("aten::allclose");
}
