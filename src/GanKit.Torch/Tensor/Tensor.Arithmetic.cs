using TorchSharp.Native;

namespace TorchSharp;

// + − * / with tensors and scalars, their in-place forms and operators.
public static partial class torch
{
    public partial class Tensor
    {
        public Tensor add(Tensor target) => Call(Ops.add_Tensor, target);
        public Tensor add(Tensor target, Scalar alpha) => Call(Ops.add_Tensor, target, alpha, false);
        public Tensor add(Scalar scalar) => Call(Ops.add_Scalar, scalar);
        public Tensor add(Scalar scalar, Scalar alpha) => Call(Ops.add_Scalar, scalar, alpha, false);
        public Tensor add_(Tensor target) => Call(Ops.add__Tensor, target, inPlace: true);
        public Tensor add_(Tensor target, Scalar alpha) => Call(Ops.add__Tensor, target, alpha, true);
        public Tensor add_(Scalar scalar) => Call(Ops.add__Scalar, scalar, inPlace: true);
        public Tensor add_(Scalar scalar, Scalar alpha) => Call(Ops.add__Scalar, scalar, alpha, true);

        public Tensor sub(Tensor target) => Call(Ops.sub_Tensor, target);
        public Tensor sub(Scalar target) => Call(Ops.sub_Scalar, target);
        public Tensor sub_(Tensor target) => Call(Ops.sub__Tensor, target, inPlace: true);
        public Tensor sub_(Scalar target) => Call(Ops.sub__Scalar, target, inPlace: true);

        public Tensor mul(Tensor target) => Call(Ops.mul_Tensor, target);
        public Tensor mul(Scalar target) => Call(Ops.mul_Scalar, target);
        public Tensor mul_(Tensor target) => Call(Ops.mul__Tensor, target, inPlace: true);
        public Tensor mul_(Scalar target) => Call(Ops.mul__Scalar, target, inPlace: true);

        public Tensor div(Tensor target, RoundingMode rounding_mode = RoundingMode.None) =>
            rounding_mode == RoundingMode.None ? Call(Ops.div_Tensor, target) : DivMode(Ops.div_Tensor_mode, target, rounding_mode, false);
        public Tensor div(Scalar target, RoundingMode rounding_mode = RoundingMode.None) =>
            rounding_mode == RoundingMode.None ? Call(Ops.div_Scalar, target) : DivMode(Ops.div_Scalar_mode, target, rounding_mode, false);
        public Tensor div_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) =>
            rounding_mode == RoundingMode.None ? Call(Ops.div__Tensor, target, inPlace: true) : DivMode(Ops.div__Tensor_mode, target, rounding_mode, true);
        public Tensor div_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) =>
            rounding_mode == RoundingMode.None ? Call(Ops.div__Scalar, target, inPlace: true) : DivMode(Ops.div__Scalar_mode, target, rounding_mode, true);

        private Tensor DivMode(Op op, Tensor target, RoundingMode mode, bool inPlace)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(target);
            a.String(mode == RoundingMode.trunc ? "trunc" : "floor");
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor DivMode(Op op, Scalar target, RoundingMode mode, bool inPlace)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Scalar(target);
            a.String(mode == RoundingMode.trunc ? "trunc" : "floor");
            return CallOrInPlace(ref a, op, inPlace);
        }

        public Tensor neg() => Unary(Ops.neg);
        public Tensor negative() => neg();
        public Tensor neg_() => UnaryInPlace(Ops.neg_);

        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
        public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
        public static Tensor operator +(Tensor left, int right) => left.add(right);
        public static Tensor operator +(Tensor left, long right) => left.add(right);
        public static Tensor operator +(Tensor left, float right) => left.add(right);
        public static Tensor operator +(Tensor left, double right) => left.add(right);
        public static Tensor operator +(int left, Tensor right) => right.add(left);
        public static Tensor operator +(long left, Tensor right) => right.add(left);
        public static Tensor operator +(float left, Tensor right) => right.add(left);
        public static Tensor operator +(double left, Tensor right) => right.add(left);

        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
        public static Tensor operator -(Scalar left, Tensor right) => RSub(right, left);
        public static Tensor operator -(Tensor left, int right) => left.sub(right);
        public static Tensor operator -(Tensor left, long right) => left.sub(right);
        public static Tensor operator -(Tensor left, float right) => left.sub(right);
        public static Tensor operator -(Tensor left, double right) => left.sub(right);
        public static Tensor operator -(int left, Tensor right) => RSub(right, left);
        public static Tensor operator -(long left, Tensor right) => RSub(right, left);
        public static Tensor operator -(float left, Tensor right) => RSub(right, left);
        public static Tensor operator -(double left, Tensor right) => RSub(right, left);

        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
        public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
        public static Tensor operator *(Tensor left, int right) => left.mul(right);
        public static Tensor operator *(Tensor left, long right) => left.mul(right);
        public static Tensor operator *(Tensor left, float right) => left.mul(right);
        public static Tensor operator *(Tensor left, double right) => left.mul(right);
        public static Tensor operator *(int left, Tensor right) => right.mul(left);
        public static Tensor operator *(long left, Tensor right) => right.mul(left);
        public static Tensor operator *(float left, Tensor right) => right.mul(left);
        public static Tensor operator *(double left, Tensor right) => right.mul(left);

        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
        public static Tensor operator /(Scalar left, Tensor right) => RDiv(right, left);
        public static Tensor operator /(Tensor left, int right) => left.div(right);
        public static Tensor operator /(Tensor left, long right) => left.div(right);
        public static Tensor operator /(Tensor left, float right) => left.div(right);
        public static Tensor operator /(Tensor left, double right) => left.div(right);
        public static Tensor operator /(int left, Tensor right) => RDiv(right, left);
        public static Tensor operator /(long left, Tensor right) => RDiv(right, left);
        public static Tensor operator /(float left, Tensor right) => RDiv(right, left);
        public static Tensor operator /(double left, Tensor right) => RDiv(right, left);

        public static Tensor operator -(Tensor tensor) => tensor.neg();

        /// <summary>scalar − tensor, as aten::rsub computes it (other − self·alpha with alpha 1).</summary>
        private static Tensor RSub(Tensor tensor, Scalar scalar) => tensor.Call(Ops.rsub_Scalar, scalar);

        /// <summary>scalar / tensor: the reciprocal times the scalar, with integer tensors promoted as PyTorch does.</summary>
        private static Tensor RDiv(Tensor tensor, Scalar scalar)
        {
            using var reciprocal = tensor.Unary(Ops.reciprocal);
            return reciprocal.mul(scalar);
        }
    }

    /// <summary>Rounding of <c>div</c>: none (true division), toward zero, or toward −∞.</summary>
    public enum RoundingMode
    {
        None,
        trunc,
        floor,
    }
}

file static class Ops
{
    public static readonly Op add_Tensor = new("aten::add", "Tensor");
    public static readonly Op add_Scalar = new("aten::add", "Scalar");
    public static readonly Op add__Tensor = new("aten::add_", "Tensor");
    public static readonly Op add__Scalar = new("aten::add_", "Scalar");
    public static readonly Op sub_Tensor = new("aten::sub", "Tensor");
    public static readonly Op sub_Scalar = new("aten::sub", "Scalar");
    public static readonly Op sub__Tensor = new("aten::sub_", "Tensor");
    public static readonly Op sub__Scalar = new("aten::sub_", "Scalar");
    public static readonly Op rsub_Scalar = new("aten::rsub", "Scalar");
    public static readonly Op mul_Tensor = new("aten::mul", "Tensor");
    public static readonly Op mul_Scalar = new("aten::mul", "Scalar");
    public static readonly Op mul__Tensor = new("aten::mul_", "Tensor");
    public static readonly Op mul__Scalar = new("aten::mul_", "Scalar");
    public static readonly Op div_Tensor = new("aten::div", "Tensor");
    public static readonly Op div_Scalar = new("aten::div", "Scalar");
    public static readonly Op div_Tensor_mode = new("aten::div", "Tensor_mode");
    public static readonly Op div_Scalar_mode = new("aten::div", "Scalar_mode");
    public static readonly Op div__Tensor = new("aten::div_", "Tensor");
    public static readonly Op div__Scalar = new("aten::div_", "Scalar");
    public static readonly Op div__Tensor_mode = new("aten::div_", "Tensor_mode");
    public static readonly Op div__Scalar_mode = new("aten::div_", "Scalar_mode");
    public static readonly Op neg = new("aten::neg");
    public static readonly Op neg_ = new("aten::neg_");
    public static readonly Op reciprocal = new("aten::reciprocal");
}
