namespace GanKit.Training.Keras;

/// <summary>
/// Settings of <see cref="KerasGanTrainer"/>. The defaults are Wouter Bulten's Keras MNIST GAN
/// (TUTORIALS.md §2.3): batch 256, noise 100-d, D RMSprop lr 8e-4, adversarial Adam lr 4e-4, both with
/// clipvalue 1 and decay 1e-10, D dropout 0.4, a log point every 50 steps and 16 images every 500.
/// Immutable: change with <c>with { … }</c>, e.g. the Comet variant
/// <c>new KerasGanOptions { DropoutD = 0.5 }.WithLearningRates(9e-4, 6e-4)</c>.
/// </summary>
public sealed record KerasGanOptions
{
    /// <summary>Real images per D step (D sees as many generated ones), and noise vectors per adversarial step.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Length of the U(−1, 1) noise vectors.</summary>
    public long LatentDim { get; init; } = 100;

    /// <summary>D's optimizer (<c>model_discriminator</c>): Keras RMSprop, lr 8e-4, clipvalue 1, decay 1e-10.</summary>
    public OptimizerSettings OptimizerD { get; init; } = OptimizerSettings.KerasRmsProp(8e-4) with { ClipValue = 1.0, Decay = 1e-10 };

    /// <summary>G's optimizer (<c>model_adversarial</c>): Keras Adam, lr 4e-4, clipvalue 1, decay 1e-10.</summary>
    public OptimizerSettings OptimizerG { get; init; } = OptimizerSettings.KerasAdam(4e-4) with { ClipValue = 1.0, Decay = 1e-10 };

    /// <summary>
    /// D's dropout rate, used when <see cref="KerasGanTrainer.ForBulten"/> builds the networks
    /// (a trainer given its own networks uses theirs).
    /// </summary>
    public double DropoutD { get; init; } = 0.4;

    /// <summary>A <see cref="KerasGanStep"/> goes into the history (and <see cref="KerasGanTrainer.Logged"/> fires) when step % this == 0.</summary>
    public int LogEvery { get; init; } = 50;

    /// <summary><see cref="KerasGanTrainer.Snapshot"/> fires when step % this == 0, step 0 included.</summary>
    public int SnapshotEvery { get; init; } = 500;

    /// <summary>Fixed noise vectors drawn once for the snapshots (the original's 16, shown 4×4).</summary>
    public int SnapshotCount { get; init; } = 16;

    /// <summary>With a checkpoint path, Fit saves one after every this many completed steps (and when it returns).</summary>
    public int CheckpointEvery { get; init; } = 500;

    /// <summary>Both learning rates changed, the rest of both optimizers' settings kept.</summary>
    public KerasGanOptions WithLearningRates(double learningRateD, double learningRateG) =>
        this with { OptimizerD = OptimizerD with { LearningRate = learningRateD }, OptimizerG = OptimizerG with { LearningRate = learningRateG } };

    /// <summary>Throws, naming the setting, when a value cannot make sense, before any training starts.</summary>
    public void Validate()
    {
        // Batch norm in training mode needs two values per channel.
        if (BatchSize < 2) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 2 (G's batch norm needs two examples)");
        if (LatentDim < 1) throw new ArgumentOutOfRangeException(nameof(LatentDim), LatentDim, "LatentDim must be at least 1");
        if (DropoutD is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(DropoutD), DropoutD, "DropoutD is a rate in [0, 1)");
        if (LogEvery < 1) throw new ArgumentOutOfRangeException(nameof(LogEvery), LogEvery, "LogEvery must be at least 1");
        if (SnapshotEvery < 1) throw new ArgumentOutOfRangeException(nameof(SnapshotEvery), SnapshotEvery, "SnapshotEvery must be at least 1");
        if (SnapshotCount < 1) throw new ArgumentOutOfRangeException(nameof(SnapshotCount), SnapshotCount, "SnapshotCount must be at least 1");
        if (CheckpointEvery < 1) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be at least 1");
        OptimizerD.Validate(nameof(OptimizerD));
        OptimizerG.Validate(nameof(OptimizerG));
    }
}
