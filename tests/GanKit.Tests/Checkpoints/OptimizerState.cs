using GanKit.Checkpoints;

namespace GanKit.Tests.Checkpoints;

/// <summary>What the resume tests compare besides weights: both optimizers' state, in TorchSharp's byte format.</summary>
internal static class OptimizerState
{
    public static byte[] Bytes(ICheckpointable trainer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            trainer.OptimizerG.save_state_dict(writer);
            trainer.OptimizerD.save_state_dict(writer);
        }
        return stream.ToArray();
    }
}
