using TorchSharp.Native;

namespace TorchSharp;

// The shapes of call a tensor method makes: this tensor first, then the other arguments in schema
// order. An in-place op changes this tensor and returns it. Kept in one place so that each op is a
// one-line method naming its aten overload.
public static partial class torch
{
    public partial class Tensor
    {
        private Tensor CallOrInPlace(ref OpArgs a, Op op, bool inPlace)
        {
            if (!inPlace) return a.Call(op);
            a.CallInPlace(op);
            return this;
        }

        private Tensor Call(Op op, Tensor other, bool inPlace = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(other);
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor Call(Op op, Scalar other, bool inPlace = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Scalar(other);
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor Call(Op op, Tensor first, Tensor second, bool inPlace = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(first);
            a.Tensor(second);
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor Call(Op op, Tensor first, Scalar second, bool inPlace = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Tensor(first);
            a.Scalar(second);
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor Call(Op op, Scalar first, Scalar second, bool inPlace = false)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Scalar(first);
            a.Scalar(second);
            return CallOrInPlace(ref a, op, inPlace);
        }

        private Tensor Call(Op op, long dim, Tensor other)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.Int(dim);
            a.Tensor(other);
            return a.Call(op);
        }
    }
}
