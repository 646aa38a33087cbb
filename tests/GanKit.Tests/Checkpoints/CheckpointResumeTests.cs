using GanKit.Checkpoints;
using GanKit.Models;
using GanKit.Tests.Training;
using GanKit.Training;
using static GanKit.Tests.Checkpoints.TrainerState;

namespace GanKit.Tests.Checkpoints;

/// <summary>
/// A checkpoint carries the optimizers' state and torch's random generator state, so a run saved after
/// an epoch and resumed, after other random draws in between, gives exactly the numbers of the
/// uninterrupted run.
/// </summary>
public sealed class CheckpointResumeTests : IDisposable
{
    private const int DataSeed = 11;
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-resume-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void OneEpochSavedAndResumedForTwoMoreEqualsThreeStraightEpochs()
    {
        var path = Path.Combine(_folder, "run.ckpt");
        var (data, straight, loader) = GanTrainerRunTests.D2lRun(DataSeed, examples: 64);
        using var _ = data;
        using var __ = straight;
        straight.Fit(loader, epochs: 1);
        straight.Fit(loader, epochs: 3);

        var (firstData, first, firstLoader) = GanTrainerRunTests.D2lRun(DataSeed, examples: 64);
        using var ___ = firstData;
        using var ____ = first;
        first.Fit(firstLoader, epochs: 1);
        Checkpoint.Save(first, path);
        using var rngAtSave = get_rng_state();

        // A trainer with other initial weights (and fresh Adam moments) resumes on the same data.
        var (otherData, resumed, _) = GanTrainerRunTests.D2lRun(DataSeed + 1, examples: 64);
        using var _____ = otherData;
        using var ______ = resumed;
        Checkpoint.Load(resumed, path);
        Assert.Equal(OptimizerBytes(first), OptimizerBytes(resumed));
        resumed.Fit(firstLoader, epochs: 3);

        Assert.Equal(straight.History.Steps, resumed.History.Steps);
        Assert.Equal(straight.History.Epochs.Select(e => (e.LossD, e.LossG)), resumed.History.Epochs.Select(e => (e.LossD, e.LossG)));
        Assert.Equal(Weights(straight), Weights(resumed));
        Assert.Equal(OptimizerBytes(straight), OptimizerBytes(resumed));

        // The optimizer state is what makes it exact: the same weights with fresh moments drift off.
        var (weightsOnlyData, weightsOnly, _) = GanTrainerRunTests.D2lRun(DataSeed + 2, examples: 64);
        using var _______ = weightsOnlyData;
        using var ________ = weightsOnly;
        weightsOnly.Generator.load_state_dict(first.Generator.state_dict());
        weightsOnly.Discriminator.load_state_dict(first.Discriminator.state_dict());
        set_rng_state(rngAtSave);
        weightsOnly.Fit(firstLoader, epochs: 2);
        Assert.NotEqual(Weights(straight), Weights(weightsOnly));
    }

    [Fact]
    public void ACheckpointOfAnotherOptimizerIsRejectedAndChangesNothing()
    {
        var path = Path.Combine(_folder, "adam.ckpt");
        var (data, adamRun, loader) = GanTrainerRunTests.D2lRun(DataSeed, examples: 16);
        using var _ = data;
        using var __ = adamRun;
        adamRun.Fit(loader, epochs: 1);
        Checkpoint.Save(adamRun, path);

        manual_seed(DataSeed + 1);
        using var sgdRun = new GanTrainer(new GaussianGenerator(), new GaussianDiscriminator(), GanOptions.D2lGaussian with { Optimizer = OptimizerKind.Sgd });
        sgdRun.Fit(loader, epochs: 1);
        var (weights, optimizers, steps) = (Weights(sgdRun), OptimizerBytes(sgdRun), sgdRun.History.Steps.ToList());
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(sgdRun, path));
        Assert.Contains("expected 'SGD', but found 'Adam'", error.Message);
        // The networks had loaded before the optimizer failed: they are rolled back.
        Assert.Equal(weights, Weights(sgdRun));
        Assert.Equal(optimizers, OptimizerBytes(sgdRun));
        Assert.Equal(steps, sgdRun.History.Steps);
        Assert.Equal(1, sgdRun.EpochCount);
    }

    [Fact]
    public void ATruncatedCheckpointIsRejectedAndChangesNothing()
    {
        var path = Path.Combine(_folder, "run.ckpt");
        var (data, trainer, loader) = GanTrainerRunTests.D2lRun(DataSeed, examples: 16);
        using var _ = data;
        using var __ = trainer;
        trainer.Fit(loader, epochs: 1);
        Checkpoint.Save(trainer, path);
        var whole = File.ReadAllBytes(path);

        var (otherData, other, _) = GanTrainerRunTests.D2lRun(DataSeed + 1, examples: 16);
        using var ___ = otherData;
        using var ____ = other;
        var (weights, optimizers) = (Weights(other), OptimizerBytes(other));
        // Cut inside the generator state at the end, inside the optimizer state, then inside D's weights.
        using var rng = get_rng_state();
        var rngLength = sizeof(int) + (int)rng.numel();
        var optimizerLength = OptimizerBytes(trainer).Length;
        foreach (var length in new[] { whole.Length - 3, whole.Length - rngLength - 5, whole.Length - rngLength - optimizerLength - 5 })
        {
            File.WriteAllBytes(path, whole[..length]);
            Assert.Throws<InvalidDataException>(() => Checkpoint.Load(other, path));
            Assert.Equal(weights, Weights(other));
            Assert.Equal(optimizers, OptimizerBytes(other));
            Assert.Equal(0, other.EpochCount);
        }
    }
}
