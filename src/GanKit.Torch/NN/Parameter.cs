using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>
/// A tensor that a module trains. It takes over the native tensor of <c>data</c> (which becomes
/// invalid) and its place in a dispose scope, if it had one.
/// </summary>
public class Parameter : Tensor
{
    public Parameter(Tensor data, bool requires_grad = true) : base(TakeOver(data, requires_grad), register: false)
    {
        data.OwningDisposeScope?.Replace(data, this);
    }

    private static IntPtr TakeOver(Tensor data, bool requires_grad)
    {
        data.requires_grad = requires_grad;
        return data.MoveHandle();
    }
}
