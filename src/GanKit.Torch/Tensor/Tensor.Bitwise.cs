using TorchSharp.Native;

namespace TorchSharp;

// Bitwise ops (on Bool tensors: and, or, xor, not of masks), remainder, and the operators & | ^ ~ %.
public static partial class torch
{
    public partial class Tensor
    {
        public Tensor bitwise_and(Tensor other) => Call(Ops.bitwise_and, other);
        public Tensor bitwise_and_(Tensor other) => Call(Ops.bitwise_and_, other, inPlace: true);
        public Tensor bitwise_or(Tensor other) => Call(Ops.bitwise_or, other);
        public Tensor bitwise_or_(Tensor other) => Call(Ops.bitwise_or_, other, inPlace: true);
        public Tensor bitwise_xor(Tensor other) => Call(Ops.bitwise_xor, other);
        public Tensor bitwise_xor_(Tensor other) => Call(Ops.bitwise_xor_, other, inPlace: true);
        public Tensor bitwise_not() => Unary(Ops.bitwise_not);
        public Tensor bitwise_not_() => UnaryInPlace(Ops.bitwise_not_);

        /// <summary>Python's modulo: the result takes the divisor's sign.</summary>
        public Tensor remainder(Tensor target) => Call(Ops.remainder_Tensor, target);
        public Tensor remainder(Scalar scalar) => Call(Ops.remainder_Scalar, scalar);
        public Tensor remainder_(Tensor target) => Call(Ops.remainder__Tensor, target, inPlace: true);
        public Tensor remainder_(Scalar scalar) => Call(Ops.remainder__Scalar, scalar, inPlace: true);

        /// <summary>C's fmod: the result takes the dividend's sign.</summary>
        public Tensor fmod(Tensor target) => Call(Ops.fmod_Tensor, target);
        public Tensor fmod(Scalar scalar) => Call(Ops.fmod_Scalar, scalar);

        /// <summary>The indices of the non-zero elements, one row per element.</summary>
        public Tensor nonzero() => Unary(Ops.nonzero);

        public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
        public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);
        public static Tensor operator %(Tensor left, int right) => left.remainder(right);
        public static Tensor operator %(Tensor left, long right) => left.remainder(right);
        public static Tensor operator %(Tensor left, float right) => left.remainder(right);
        public static Tensor operator %(Tensor left, double right) => left.remainder(right);
        public static Tensor operator &(Tensor left, Tensor right) => left.bitwise_and(right);
        public static Tensor operator |(Tensor left, Tensor right) => left.bitwise_or(right);
        public static Tensor operator ^(Tensor left, Tensor right) => left.bitwise_xor(right);
        public static Tensor operator ~(Tensor left) => left.bitwise_not();
    }

    public static Tensor bitwise_and(Tensor left, Tensor right) => left.bitwise_and(right);
    public static Tensor bitwise_or(Tensor left, Tensor right) => left.bitwise_or(right);
    public static Tensor bitwise_xor(Tensor left, Tensor right) => left.bitwise_xor(right);
    public static Tensor bitwise_not(Tensor input) => input.bitwise_not();
    public static Tensor remainder(Tensor left, Tensor right) => left.remainder(right);
    public static Tensor remainder(Tensor left, Scalar right) => left.remainder(right);
    public static Tensor nonzero(Tensor input) => input.nonzero();

    /// <summary>The indices of the non-zero elements of condition, one index tensor per dimension.</summary>
    public static Tensor[] where(Tensor condition)
    {
        var a = new OpArgs();
        a.Tensor(condition);
        return a.CallMany(Ops.where, (int)Math.Max(condition.ndim, 1));
    }
}

file static class Ops
{
    public static readonly Op bitwise_and = new("aten::bitwise_and", "Tensor");
    public static readonly Op bitwise_and_ = new("aten::bitwise_and_", "Tensor");
    public static readonly Op bitwise_or = new("aten::bitwise_or", "Tensor");
    public static readonly Op bitwise_or_ = new("aten::bitwise_or_", "Tensor");
    public static readonly Op bitwise_xor = new("aten::bitwise_xor", "Tensor");
    public static readonly Op bitwise_xor_ = new("aten::bitwise_xor_", "Tensor");
    public static readonly Op bitwise_not = new("aten::bitwise_not");
    public static readonly Op bitwise_not_ = new("aten::bitwise_not_");
    public static readonly Op remainder_Tensor = new("aten::remainder", "Tensor");
    public static readonly Op remainder_Scalar = new("aten::remainder", "Scalar");
    public static readonly Op remainder__Tensor = new("aten::remainder_", "Tensor");
    public static readonly Op remainder__Scalar = new("aten::remainder_", "Scalar");
    public static readonly Op fmod_Tensor = new("aten::fmod", "Tensor");
    public static readonly Op fmod_Scalar = new("aten::fmod", "Scalar");
    public static readonly Op nonzero = new("aten::nonzero");
    public static readonly Op where = new("aten::where");
}
