using GanKit.Checkpoints;
using GanKit.Tests.Training;
using GanKit.Training;
using static GanKit.Tests.Checkpoints.TrainerState;

namespace GanKit.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RoundTripRestoresWeightsCountersAndHistory()
    {
        var path = Path.Combine(_folder, "run.ckpt");
        var (data, trainer, loader) = GanTrainerRunTests.D2lRun(5, examples: 64);
        using var _ = data;
        using var __ = trainer;
        trainer.Fit(loader, epochs: 2);
        Checkpoint.Save(trainer, path);

        var (otherData, restored, otherLoader) = GanTrainerRunTests.D2lRun(6, examples: 64);
        using var ___ = otherData;
        using var ____ = restored;
        Assert.NotEqual(Weights(trainer), Weights(restored));
        Checkpoint.Load(restored, path);
        Assert.Equal(Weights(trainer), Weights(restored));
        Assert.Equal(2, restored.EpochCount);
        Assert.Equal(trainer.StepCount, restored.StepCount);
        Assert.Equal(trainer.History.Steps, restored.History.Steps);
        Assert.Equal(trainer.History.Epochs.Select(e => e.LossD), restored.History.Epochs.Select(e => e.LossD));

        // Resuming finishes the same run: two more epochs, appended to the restored history.
        var result = restored.Fit(otherLoader, epochs: 4);
        Assert.Equal(4, result.History.Epochs.Count);
        Assert.Equal(32, result.History.Steps.Count);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (long)i), result.History.Steps.Select(s => s.Step));
    }

    [Fact]
    public void ACheckpointSaveThatFailsMidWriteKeepsThePreviousCheckpoint()
    {
        var path = Path.Combine(_folder, "run.ckpt");
        var (data, trainer, loader) = GanTrainerRunTests.D2lRun(7, examples: 16);
        using var _ = data;
        using var __ = trainer;
        trainer.Fit(loader, epochs: 1);
        Checkpoint.Save(trainer, path);
        var before = File.ReadAllBytes(path);
        // The disk fails half-way through the next save (after the header and G's weights).
        trainer.Fit(loader, epochs: 1);
        var failure = Assert.Throws<IOException>(() => Checkpoint.Save(trainer, path, stream => new FailingStream(stream, before.Length / 2)));
        Assert.Equal(FailingStream.Message, failure.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
    }

    [Fact]
    public void ANonCheckpointFileGivesAClearError()
    {
        var path = Path.Combine(_folder, "not-a-checkpoint");
        File.WriteAllText(path, "hello");
        var (data, trainer, _) = GanTrainerRunTests.D2lRun(8, examples: 8);
        using var __ = data;
        using var ___ = trainer;
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(trainer, path));
        Assert.Contains(path, error.Message);
    }
}
