using TorchSharp.Serialization;
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

    /// <summary>Writes the state in TorchSharp's byte format (the optimiser's own field order).</summary>
    public abstract void SaveStateDict(BinaryWriter writer);

    /// <summary>Reads what <see cref="SaveStateDict(BinaryWriter)"/> wrote; tensors must have this parameter's shape and dtype.</summary>
    public abstract void LoadStateDict(BinaryReader reader);

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

    /// <summary>A tensor record as TorchSharp's <c>Tensor.Save</c> writes it (dtype, shape, raw elements).</summary>
    private protected static void WriteTensor(BinaryWriter writer, Tensor tensor) => StateDictFormat.WriteTensor(writer, tensor);

    /// <summary>TorchSharp's conditional tensor: a bool saying whether it exists, then the tensor record.</summary>
    private protected static void WriteOptionalTensor(BinaryWriter writer, Tensor? tensor)
    {
        writer.Write(tensor is not null);
        if (tensor is not null) WriteTensor(writer, tensor);
    }

    /// <summary>Reads a tensor record into <paramref name="target"/>; dtype and shape must match.</summary>
    private protected void ReadTensor(BinaryReader reader, Tensor target, string name) =>
        StateDictFormat.ReadTensor(reader, $"{GetType().DeclaringType?.Name ?? GetType().Name} state '{name}'", target);

    /// <summary>
    /// Reads a conditional tensor: returns the loaded tensor (reusing <paramref name="current"/>, or a new
    /// one shaped like the parameter) or null when the file has none (freeing <paramref name="current"/>).
    /// </summary>
    private protected Tensor? ReadOptionalTensor(BinaryReader reader, Tensor? current, string name)
    {
        if (!reader.ReadBoolean()) {
            current?.Dispose();
            return null;
        }
        var target = current ?? ZerosLikeParameter();
        try {
            ReadTensor(reader, target, name);
        } catch {
            if (current is null) target.Dispose();
            throw;
        }
        return target;
    }
}
