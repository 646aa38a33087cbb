using TorchSharp.Native;

namespace TorchSharp;

// In-place overwrites used by initialisers and optimisers: zero_, fill_, copy_.
public static partial class torch
{
    public partial class Tensor
    {
        public Tensor zero_() => UnaryInPlace(Ops.zero_);

        public Tensor fill_(Scalar value)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Scalar(value);
            a.CallInPlace(Ops.fill__Scalar);
            return this;
        }

        /// <summary>Copies source's elements into this tensor (broadcasting, converting dtype and device).</summary>
        public Tensor copy_(Tensor source, bool nonBlocking = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(source);
            a.Bool(nonBlocking);
            a.CallInPlace(Ops.copy_);
            return this;
        }
    }
}

file static class Ops
{
    public static readonly Op zero_ = new("aten::zero_");
    public static readonly Op fill__Scalar = new("aten::fill_", "Scalar");
    public static readonly Op copy_ = new("aten::copy_");
}
