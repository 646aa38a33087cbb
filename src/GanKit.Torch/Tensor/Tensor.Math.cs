using TorchSharp.Native;

namespace TorchSharp;

// Pointwise math (exp, log, sqrt, abs, pow, sigmoid, tanh, ...), clamp, where, lerp, addcmul/addcdiv,
// softmax and log_softmax, and matrix products — with their in-place forms where optimisers use them.
public static partial class torch
{
    public partial class Tensor
    {
        public Tensor abs() => Unary(Ops.abs);
        public Tensor abs_() => UnaryInPlace(Ops.abs_);
        public Tensor absolute() => abs();
        public Tensor exp() => Unary(Ops.exp);
        public Tensor exp_() => UnaryInPlace(Ops.exp_);
        public Tensor log() => Unary(Ops.log);
        public Tensor log_() => UnaryInPlace(Ops.log_);
        public Tensor log1p() => Unary(Ops.log1p);
        public Tensor sqrt() => Unary(Ops.sqrt);
        public Tensor sqrt_() => UnaryInPlace(Ops.sqrt_);
        public Tensor rsqrt() => Unary(Ops.rsqrt);
        public Tensor reciprocal() => Unary(Ops.reciprocal);
        public Tensor sign() => Unary(Ops.sign);
        public Tensor sigmoid() => Unary(Ops.sigmoid);
        public Tensor sigmoid_() => UnaryInPlace(Ops.sigmoid_);
        public Tensor tanh() => Unary(Ops.tanh);
        public Tensor tanh_() => UnaryInPlace(Ops.tanh_);
        public Tensor square() => pow(2);

        /// <summary>Rounds half to even (0.5 → 0, 1.5 → 2), to <paramref name="decimals"/> decimal places.</summary>
        public Tensor round(long decimals = 0L) => Round(decimals, inPlace: false);
        public Tensor round_(long decimals = 0L) => Round(decimals, inPlace: true);

        private Tensor Round(long decimals, bool inPlace)
        {
            var a = new OpArgs();
            a.Tensor(this);
            if (decimals == 0) return CallOrInPlace(ref a, inPlace ? Ops.round_ : Ops.round, inPlace);
            a.Int(decimals);
            return CallOrInPlace(ref a, inPlace ? Ops.round__decimals : Ops.round_decimals, inPlace);
        }

        public Tensor pow(Tensor exponent) => Call(Ops.pow_Tensor_Tensor, exponent);
        public Tensor pow(Scalar exponent) => Call(Ops.pow_Tensor_Scalar, exponent);
        public Tensor pow_(Tensor exponent) => Call(Ops.pow__Tensor, exponent, inPlace: true);
        public Tensor pow_(Scalar exponent) => Call(Ops.pow__Scalar, exponent, inPlace: true);

        public Tensor maximum(Tensor other) => Call(Ops.maximum, other);
        public Tensor minimum(Tensor other) => Call(Ops.minimum, other);

        private Tensor Clamp(Op op, Scalar? min, Scalar? max, bool inPlace)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.OptionalScalar(min);
            a.OptionalScalar(max);
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor Clamp(Op op, Tensor? min, Tensor? max, bool inPlace)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(min);
            a.Tensor(max);
            return CallOrInPlace(ref a, op, inPlace);
        }

        public Tensor clamp(Scalar? min = null, Scalar? max = null) => Clamp(Ops.clamp, min, max, false);
        public Tensor clamp(Tensor? min = null, Tensor? max = null) => Clamp(Ops.clamp_Tensor, min, max, false);
        public Tensor clamp_(Scalar? min = null, Scalar? max = null) => Clamp(Ops.clamp_, min, max, true);
        public Tensor clamp_(Tensor? min = null, Tensor? max = null) => Clamp(Ops.clamp__Tensor, min, max, true);
        public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);
        public Tensor clamp_min(Scalar min) => clamp(min, null);
        public Tensor clamp_max(Scalar max) => clamp(null, max);

        /// <summary>Elements of this tensor where <paramref name="condition"/> holds, else of <paramref name="y"/>.</summary>
        public Tensor where(Tensor condition, Tensor y)
        {
            if (condition.dtype != ScalarType.Bool) throw new ArgumentException("The condition to 'where' must be a boolean tensor.");
            var a = new OpArgs();
            a.Tensor(condition);
            a.Tensor(this);
            a.Tensor(y);
            return a.Call(Ops.where_self);
        }

        public Tensor lerp(Tensor end, Tensor weight) => Call(Ops.lerp_Tensor, end, weight, false);
        public Tensor lerp_(Tensor end, Tensor weight) => Call(Ops.lerp__Tensor, end, weight, true);

        /// <summary>this + value · tensor1 ∘ tensor2 (addcmul) or this + value · tensor1 / tensor2 (addcdiv).</summary>
        private Tensor AddC(Op op, Tensor tensor1, Tensor tensor2, Scalar value, bool inPlace)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(tensor1);
            a.Tensor(tensor2);
            a.Scalar(value);
            return CallOrInPlace(ref a, op, inPlace);
        }

        public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar value) => AddC(Ops.addcmul, tensor1, tensor2, value, false);
        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar value) => AddC(Ops.addcmul_, tensor1, tensor2, value, true);
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar value) => AddC(Ops.addcdiv, tensor1, tensor2, value, false);
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2) => addcdiv(tensor1, tensor2, 1);
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar value) => AddC(Ops.addcdiv_, tensor1, tensor2, value, true);
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2) => addcdiv_(tensor1, tensor2, 1);

        private Tensor SoftmaxLike(Op op, long dim, ScalarType? dtype)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.ScalarType(dtype);
            return a.Call(op);
        }

        public Tensor softmax(long dim, ScalarType? dtype = null) => SoftmaxLike(Ops.softmax, dim, dtype);
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => SoftmaxLike(Ops.log_softmax, dim, dtype);

        public Tensor matmul(Tensor target) => Call(Ops.matmul, target);
        public Tensor mm(Tensor target) => Call(Ops.mm, target);
        public Tensor bmm(Tensor batch2) => Call(Ops.bmm, batch2);
        public Tensor mv(Tensor target) => Call(Ops.mv, target);
        public Tensor dot(Tensor target) => Call(Ops.dot, target);
    }

    public static Tensor abs(Tensor input) => input.abs();
    public static Tensor abs_(Tensor input) => input.abs_();
    public static Tensor exp(Tensor input) => input.exp();
    public static Tensor exp_(Tensor input) => input.exp_();
    public static Tensor log(Tensor input) => input.log();
    public static Tensor log_(Tensor input) => input.log_();
    public static Tensor log1p(Tensor input) => input.log1p();
    public static Tensor sqrt(Tensor input) => input.sqrt();
    public static Tensor sqrt_(Tensor input) => input.sqrt_();
    public static Tensor rsqrt(Tensor input) => input.rsqrt();
    public static Tensor sign(Tensor input) => input.sign();
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    public static Tensor sigmoid_(Tensor input) => input.sigmoid_();
    public static Tensor tanh(Tensor input) => input.tanh();
    public static Tensor tanh_(Tensor input) => input.tanh_();
    public static Tensor square(Tensor input) => input.square();
    public static Tensor round(Tensor input, long decimals = 0L) => input.round(decimals);
    public static Tensor round_(Tensor input, long decimals = 0L) => input.round_(decimals);
    public static Tensor pow(Tensor left, Tensor exponent) => left.pow(exponent);
    public static Tensor pow(Tensor left, Scalar exponent) => left.pow(exponent);
    public static Tensor pow_(Tensor left, Tensor exponent) => left.pow_(exponent);
    public static Tensor pow_(Tensor left, Scalar exponent) => left.pow_(exponent);
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    public static Tensor clamp_(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp_(min, max);
    public static Tensor clamp(Tensor input, Tensor? min = null, Tensor? max = null) => input.clamp(min, max);
    public static Tensor clamp_(Tensor input, Tensor? min = null, Tensor? max = null) => input.clamp_(min, max);
    public static Tensor clip(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => x.where(condition, y);
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => input.lerp(end, weight);
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2, Scalar value) => input.addcmul(tensor1, tensor2, value);
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, Scalar value) => input.addcdiv(tensor1, tensor2, value);
    public static Tensor softmax(Tensor input, int dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
    public static Tensor matmul(Tensor input, Tensor target) => input.matmul(target);
    public static Tensor mm(Tensor input, Tensor target) => input.mm(target);
    public static Tensor bmm(Tensor input, Tensor batch2) => input.bmm(batch2);
    public static Tensor mv(Tensor input, Tensor target) => input.mv(target);
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);

    /// <summary>Pairwise p-norm distances between the rows of x1 and of x2 (batched).</summary>
    public static Tensor cdist(Tensor x1, Tensor x2, double p = 2.0, compute_mode compute_mode = compute_mode.use_mm_for_euclid_dist_if_necessary)
    {
        if (p < 0) throw new ArgumentException("p must be non-negative");
        var a = new OpArgs();
        a.Tensor(x1);
        a.Tensor(x2);
        a.Double(p);
        a.Int((long)compute_mode);
        return a.Call(Ops.cdist);
    }
}

file static class Ops
{
    public static readonly Op abs = new("aten::abs");
    public static readonly Op abs_ = new("aten::abs_");
    public static readonly Op exp = new("aten::exp");
    public static readonly Op exp_ = new("aten::exp_");
    public static readonly Op log = new("aten::log");
    public static readonly Op log_ = new("aten::log_");
    public static readonly Op log1p = new("aten::log1p");
    public static readonly Op sqrt = new("aten::sqrt");
    public static readonly Op sqrt_ = new("aten::sqrt_");
    public static readonly Op rsqrt = new("aten::rsqrt");
    public static readonly Op reciprocal = new("aten::reciprocal");
    public static readonly Op sign = new("aten::sign");
    public static readonly Op sigmoid = new("aten::sigmoid");
    public static readonly Op sigmoid_ = new("aten::sigmoid_");
    public static readonly Op tanh = new("aten::tanh");
    public static readonly Op tanh_ = new("aten::tanh_");
    public static readonly Op round = new("aten::round");
    public static readonly Op round_ = new("aten::round_");
    public static readonly Op round_decimals = new("aten::round", "decimals");
    public static readonly Op round__decimals = new("aten::round_", "decimals");
    public static readonly Op pow_Tensor_Tensor = new("aten::pow", "Tensor_Tensor");
    public static readonly Op pow_Tensor_Scalar = new("aten::pow", "Tensor_Scalar");
    public static readonly Op pow__Tensor = new("aten::pow_", "Tensor");
    public static readonly Op pow__Scalar = new("aten::pow_", "Scalar");
    public static readonly Op maximum = new("aten::maximum");
    public static readonly Op minimum = new("aten::minimum");
    public static readonly Op clamp = new("aten::clamp");
    public static readonly Op clamp_Tensor = new("aten::clamp", "Tensor");
    public static readonly Op clamp_ = new("aten::clamp_");
    public static readonly Op clamp__Tensor = new("aten::clamp_", "Tensor");
    public static readonly Op where_self = new("aten::where", "self");
    public static readonly Op lerp_Tensor = new("aten::lerp", "Tensor");
    public static readonly Op lerp__Tensor = new("aten::lerp_", "Tensor");
    public static readonly Op addcmul = new("aten::addcmul");
    public static readonly Op addcmul_ = new("aten::addcmul_");
    public static readonly Op addcdiv = new("aten::addcdiv");
    public static readonly Op addcdiv_ = new("aten::addcdiv_");
    public static readonly Op softmax = new("aten::softmax", "int");
    public static readonly Op log_softmax = new("aten::log_softmax", "int");
    public static readonly Op matmul = new("aten::matmul");
    public static readonly Op mm = new("aten::mm");
    public static readonly Op bmm = new("aten::bmm");
    public static readonly Op mv = new("aten::mv");
    public static readonly Op dot = new("aten::dot");
    public static readonly Op cdist = new("aten::cdist");
}
