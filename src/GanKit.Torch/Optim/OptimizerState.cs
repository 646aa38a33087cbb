using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>The running state an optimiser keeps for one parameter (moments, momentum buffers, step count).</summary>
public abstract class OptimizerState
{
    protected Parameter _parameter;

    protected OptimizerState(Parameter parameter)
    {
        _parameter = parameter;
    }

    /// <summary>Resets the state to its initial values for the given options.</summary>
    public abstract void Initialize(OptimizerOptions options);

    /// <summary>Copies another optimiser's state for the same parameter shape (tensors are copied to this parameter's device).</summary>
    public abstract void LoadStateDict(OptimizerState source);

    /// <summary>Moves the state tensors to a device (after the parameters moved).</summary>
    public virtual void to(Device device) { }

    /// <summary>A state tensor on <paramref name="device"/>, replacing (and freeing) the old one; kept out of dispose scopes.</summary>
    private protected static Tensor? MoveTo(Tensor? tensor, Device device) =>
        tensor?.to(device, disposeAfter: true).DetachFromDisposeScope();

    /// <summary>A copy of a state tensor on this parameter's device, kept out of dispose scopes; the old one is freed.</summary>
    private protected Tensor? CopyOf(Tensor? source, Tensor? replaced)
    {
        replaced?.Dispose();
        return source?.to(_parameter.device, copy: true).DetachFromDisposeScope();
    }

    /// <summary>A zero tensor shaped like the parameter, owned by the state rather than any dispose scope.</summary>
    private protected Tensor ZerosLikeParameter() => Optim.ForeachOps.ZerosLike(_parameter).DetachFromDisposeScope();
}
