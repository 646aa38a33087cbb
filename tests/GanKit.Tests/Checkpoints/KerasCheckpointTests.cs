using GanKit.Checkpoints;
using GanKit.Tests.Training;
using GanKit.Tests.Training.Keras;
using GanKit.Training;
using GanKit.Training.Keras;
using static GanKit.Tests.Checkpoints.TrainerState;

namespace GanKit.Tests.Checkpoints;

/// <summary>A Keras-loop run saved at step k and resumed gives exactly the numbers of the uninterrupted run.</summary>
public sealed class KerasCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-keras-resume-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ThreeStepsSavedAndResumedEqualSixStraightSteps()
    {
        var path = Path.Combine(_folder, "bulten.ckpt");
        var (images, straight) = KerasGanTrainerTests.Tiny(11);
        using var _ = images;
        using var __ = straight;
        straight.Fit(images, 6);

        var (firstImages, first) = KerasGanTrainerTests.Tiny(11);
        using var ___ = firstImages;
        using var ____ = first;
        first.Fit(images, 3, path); // saves when it completes

        // Other initial weights, snapshot noise and random state: all come from the file.
        var (otherImages, resumed) = KerasGanTrainerTests.Tiny(12);
        using var _____ = otherImages;
        using var ______ = resumed;
        rand(5).Dispose();
        Checkpoint.Load(resumed, path);
        Assert.Equal((3L, 3L, 3L), (resumed.StepCount, resumed.UpdatesD, resumed.UpdatesG));
        Assert.Equal(first.VisNoise.data<float>().ToArray(), resumed.VisNoise.data<float>().ToArray());
        Assert.Equal(first.History.Steps, resumed.History.Steps);
        resumed.Fit(images, 6);

        Assert.Equal(straight.History.Steps, resumed.History.Steps);
        Assert.Equal(Weights(straight), Weights(resumed));
        Assert.Equal(OptimizerBytes(straight), OptimizerBytes(resumed));
    }

    [Fact]
    public void FitCheckpointsEveryFewStepsAndWhenCancelled()
    {
        var path = Path.Combine(_folder, "every.ckpt");
        var (images, trainer) = KerasGanTrainerTests.Tiny(13, new KerasGanOptions { BatchSize = 4, CheckpointEvery = 2 });
        using var _ = images;
        using var __ = trainer;
        using var cancellation = new CancellationTokenSource();
        var written = new List<long>();
        trainer.StepCompleted += s =>
        {
            if (File.Exists(path)) written.Add(s.Step);
            if (s.Step == 2) cancellation.Cancel();
        };
        var result = trainer.Fit(images, 10, path, cancellation.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(new long[] { 2 }, written); // the file appeared after step 1 completed (2 steps done)

        var (otherImages, other) = KerasGanTrainerTests.Tiny(14);
        using var ___ = otherImages;
        using var ____ = other;
        Checkpoint.Load(other, path);
        Assert.Equal(3, other.StepCount); // the cancelled run saved where it stopped
        Assert.Equal(Weights(trainer), Weights(other));
    }

    [Fact]
    public void ACheckpointOfTheOtherTrainerIsRefusedByName()
    {
        var ganPath = Path.Combine(_folder, "d2l.ckpt");
        var kerasPath = Path.Combine(_folder, "keras.ckpt");
        var (data, gan, loader) = GanTrainerRunTests.D2lRun(15, examples: 16);
        using var _ = data;
        using var __ = gan;
        gan.Fit(loader, epochs: 1);
        Checkpoint.Save(gan, ganPath);
        var (images, keras) = KerasGanTrainerTests.Tiny(16);
        using var ___ = images;
        using var ____ = keras;
        keras.Fit(images, 1);
        Checkpoint.Save(keras, kerasPath);

        var (otherImages, fresh) = KerasGanTrainerTests.Tiny(17);
        using var _____ = otherImages;
        using var ______ = fresh;
        var before = Weights(fresh);
        Assert.Contains("is a checkpoint of a GanTrainer, not of a KerasGanTrainer", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(fresh, ganPath)).Message);
        Assert.Equal(before, Weights(fresh));
        Assert.Equal(0, fresh.StepCount);
        Assert.Contains("is a checkpoint of a KerasGanTrainer, not of a GanTrainer", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(gan, kerasPath)).Message);
        Assert.Equal(1, gan.EpochCount);
    }
}
