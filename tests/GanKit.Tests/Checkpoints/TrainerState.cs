using GanKit.Checkpoints;

namespace GanKit.Tests.Checkpoints;

/// <summary>What the checkpoint tests compare between trainers: the networks' numbers, and both optimizers' state in TorchSharp's byte format.</summary>
internal static class TrainerState
{
    /// <summary>Every parameter of G and D, then G's floating-point buffers (batch norm's running statistics).</summary>
    public static float[] Weights(ICheckpointable trainer) =>
        trainer.Generator.parameters().Concat(trainer.Discriminator.parameters()).Cast<Tensor>()
            .Concat(trainer.Generator.buffers().Where(b => is_floating_point(b.dtype)))
            .SelectMany(t => t.data<float>().ToArray()).ToArray();

    public static byte[] OptimizerBytes(ICheckpointable trainer)
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
