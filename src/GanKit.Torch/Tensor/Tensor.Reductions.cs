using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor sum(ScalarType? type = null)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.ScalarType(type);
            return a.Call(Ops.sum);
        }
    }
}

file static class Ops
{
    public static readonly Op sum = new("aten::sum");
}
