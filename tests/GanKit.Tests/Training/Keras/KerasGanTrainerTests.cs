using GanKit.Training;
using GanKit.Training.Keras;
using TorchSharp.Modules;

namespace GanKit.Tests.Training.Keras;

public class KerasGanTrainerTests
{
    /// <summary>Bulten's networks at a tiny batch, on 16 random "images".</summary>
    internal static (Tensor Images, KerasGanTrainer Trainer) Tiny(int seed, KerasGanOptions? options = null)
    {
        manual_seed(seed);
        var images = rand(16, 1, 28, 28);
        return (images, KerasGanTrainer.ForBulten(options ?? new KerasGanOptions { BatchSize = 4, LogEvery = 1 }));
    }

    private static float[] Values(IEnumerable<Tensor> tensors) => tensors.SelectMany(t =>
    {
        using var values = t.detach().to_type(ScalarType.Float32);
        return values.data<float>().ToArray();
    }).ToArray();

    [Fact]
    public void DefaultsAreTheOriginals()
    {
        var o = new KerasGanOptions();
        Assert.Equal((256, 100L, 0.4, 50, 500, 16), (o.BatchSize, o.LatentDim, o.DropoutD, o.LogEvery, o.SnapshotEvery, o.SnapshotCount));
        Assert.Equal(new OptimizerSettings { Kind = OptimizerKind.RmsProp, LearningRate = 8e-4, Alpha = 0.9, Epsilon = 1e-7, ClipValue = 1.0, Decay = 1e-10 }, o.OptimizerD);
        Assert.Equal(new OptimizerSettings { Kind = OptimizerKind.Adam, LearningRate = 4e-4, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-7, ClipValue = 1.0, Decay = 1e-10 }, o.OptimizerG);
        var comet = o.WithLearningRates(9e-4, 6e-4) with { DropoutD = 0.5 };
        Assert.Equal((9e-4, 6e-4, 0.5), (comet.OptimizerD.LearningRate, comet.OptimizerG.LearningRate, comet.DropoutD));
        Assert.Equal(o.OptimizerD with { LearningRate = 9e-4 }, comet.OptimizerD);
    }

    [Fact]
    public void ValidationNamesTheSetting()
    {
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new KerasGanOptions { BatchSize = 1 }.Validate()).ParamName);
        Assert.Equal("DropoutD", Assert.Throws<ArgumentOutOfRangeException>(() => KerasGanTrainer.ForBulten(new KerasGanOptions { DropoutD = 1 })).ParamName);
        Assert.Equal("LogEvery", Assert.Throws<ArgumentOutOfRangeException>(() => new KerasGanOptions { LogEvery = 0 }.Validate()).ParamName);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KerasGanOptions().WithLearningRates(-1, 1e-3).Validate());
        Assert.Contains("OptimizerD.LearningRate", error.Message);
    }

    [Fact]
    public void ForBultenUsesTheOptionsDropoutAndLatentSize()
    {
        manual_seed(0);
        using var trainer = KerasGanTrainer.ForBulten(new KerasGanOptions { DropoutD = 0.5, LatentDim = 7, SnapshotCount = 3 });
        Assert.All(trainer.Discriminator.modules().OfType<Dropout>(), d => Assert.Equal(0.5, d.p));
        Assert.Equal(new long[] { 3, 7 }, trainer.VisNoise.shape);
        Assert.All(trainer.VisNoise.data<float>().ToArray(), v => Assert.InRange(v, -1f, 1f));
        Assert.Equal(new long[] { 3, 1, 28, 28 }, trainer.Predict(trainer.VisNoise).shape);
    }

    [Fact]
    public void PredictIsInferenceModeAndLeavesGAsItWas()
    {
        var (images, trainer) = Tiny(1);
        using var _ = images;
        using var __ = trainer;
        trainer.Generator.train();
        var statistics = Values(trainer.Generator.buffers());
        using var first = trainer.Predict(trainer.VisNoise);
        using var second = trainer.Predict(trainer.VisNoise);
        Assert.Equal(first.data<float>().ToArray(), second.data<float>().ToArray()); // no dropout
        Assert.False(first.requires_grad);
        Assert.Equal(statistics, Values(trainer.Generator.buffers())); // moving averages read, not updated
        Assert.True(trainer.Generator.training);
    }

    [Fact]
    public void TheDiscriminatorStepReportsTheForwardPassBeforeItsUpdate()
    {
        var (images, trainer) = Tiny(2);
        using var _ = images;
        using var __ = trainer;
        using var scope = NewDisposeScope();
        var x = cat(new List<Tensor> { images.narrow(0, 0, 4), trainer.Predict(trainer.SampleNoise(4)) });
        var y = cat(new List<Tensor> { ones(4, 1), zeros(4, 1) });
        var rng = get_rng_state();
        trainer.Discriminator.train();
        var p = trainer.Discriminator.call(x); // the same dropout masks as the step's pass below
        var (expectedLoss, expectedAccuracy) = (KerasMetrics.BinaryCrossentropy(p, y).item<float>(), KerasMetrics.BinaryAccuracy(p, y).item<float>());
        var before = Values(trainer.Discriminator.parameters());
        set_rng_state(rng);
        var (loss, accuracy) = trainer.TrainDiscriminatorOnBatch(x, y);
        Assert.Equal(expectedLoss, (float)loss);
        Assert.Equal(expectedAccuracy, (float)accuracy);
        Assert.NotEqual(before, Values(trainer.Discriminator.parameters()));
        Assert.Equal((1L, 0L), (trainer.UpdatesD, trainer.UpdatesG));
    }

    [Fact]
    public void TheAdversarialStepTrainsOnlyGAndLeavesNoGradientInD()
    {
        var (images, trainer) = Tiny(3);
        using var _ = images;
        using var __ = trainer;
        using var scope = NewDisposeScope();
        var x = cat(new List<Tensor> { images.narrow(0, 0, 4), trainer.Predict(trainer.SampleNoise(4)) });
        trainer.TrainDiscriminatorOnBatch(x, cat(new List<Tensor> { ones(4, 1), zeros(4, 1) }));
        var (weightsD, gradientsD, weightsG) = (Values(trainer.Discriminator.parameters()), Values(trainer.Discriminator.parameters().Select(p => p.grad!)), Values(trainer.Generator.parameters()));

        var (loss, accuracy) = trainer.TrainAdversarialOnBatch(trainer.SampleNoise(4), ones(4, 1));

        Assert.True(double.IsFinite(loss));
        Assert.InRange(accuracy, 0, 1);
        Assert.Equal(weightsD, Values(trainer.Discriminator.parameters()));
        Assert.Equal(gradientsD, Values(trainer.Discriminator.parameters().Select(p => p.grad!))); // nothing accumulated
        Assert.All(trainer.Discriminator.parameters(), p => Assert.True(p.requires_grad)); // unfrozen again
        Assert.NotEqual(weightsG, Values(trainer.Generator.parameters()));
        Assert.Equal((1L, 1L), (trainer.UpdatesD, trainer.UpdatesG));
    }

    [Fact]
    public void FitLogsAndSnapshotsOnTheOriginalsScheduleAndContinuesToTheTotal()
    {
        var (images, trainer) = Tiny(4, new KerasGanOptions { BatchSize = 4, LogEvery = 2, SnapshotEvery = 3 });
        using var _ = images;
        using var __ = trainer;
        var (logged, completed, snapshots) = (new List<long>(), new List<long>(), new List<(long Step, float[] Pixels, long[] Shape)>());
        trainer.Logged += s => logged.Add(s.Step);
        trainer.StepCompleted += s => completed.Add(s.Step);
        trainer.Snapshot += s => snapshots.Add((s.Step, s.Images.data<float>().ToArray(), s.Images.shape));

        var result = trainer.Fit(images, 4);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(new long[] { 0, 2 }, result.History.Steps.Select(s => s.Step));
        Assert.Equal(new long[] { 0, 2 }, logged);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, completed);
        Assert.Equal(new long[] { 0, 3 }, snapshots.Select(s => s.Step));
        Assert.All(snapshots, s => Assert.Equal(new long[] { 16, 1, 28, 28 }, s.Shape));
        using (var last = trainer.Predict(trainer.VisNoise)) Assert.Equal(last.data<float>().ToArray(), snapshots[^1].Pixels);
        Assert.NotEqual(snapshots[0].Pixels, snapshots[1].Pixels);
        Assert.All(result.History.Steps, s =>
        {
            Assert.InRange(s.LossD, 0, 20);
            Assert.InRange(s.AccuracyD * 8, 0, 8);
            Assert.Equal(Math.Round(s.AccuracyD * 8), s.AccuracyD * 8); // a count over 8 examples
        });
        Assert.StartsWith("4 steps; step 2: loss_D ", result.Message);

        Assert.Equal(4, trainer.StepCount);
        trainer.Fit(images, 4); // already there
        Assert.Equal(4, trainer.StepCount);
        trainer.Fit(images, 5);
        Assert.Equal((5L, 5L, 5L), (trainer.StepCount, trainer.UpdatesD, trainer.UpdatesG));
        Assert.Equal(new long[] { 0, 2, 4 }, trainer.History.Steps.Select(s => s.Step));
    }

    [Fact]
    public void CancellationKeepsThePartialHistory()
    {
        var (images, trainer) = Tiny(5);
        using var _ = images;
        using var __ = trainer;
        using var cancellation = new CancellationTokenSource();
        trainer.StepCompleted += s => { if (s.Step == 1) cancellation.Cancel(); };
        var result = trainer.Fit(images, 10, cancellationToken: cancellation.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(2, trainer.StepCount);
        Assert.Equal(new long[] { 0, 1 }, result.History.Steps.Select(s => s.Step));
        Assert.Equal("cancelled after 2 steps", result.Message);
    }

    [Fact]
    public void ANonFiniteLossStopsWithTheStep()
    {
        var (images, trainer) = Tiny(6);
        using var _ = images;
        using var __ = trainer;
        trainer.Fit(images, 2);
        using var poisoned = full(new long[] { 16, 1, 28, 28 }, float.NaN);
        var result = trainer.Fit(poisoned, 5);
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.Equal(2, result.FailedStep);
        Assert.Contains("diverged at step 2", result.Message);
        Assert.Equal(new long[] { 0, 1 }, result.History.Steps.Select(s => s.Step));
        Assert.Equal(2, Assert.Throws<TrainingDivergedException>(() => result.ThrowIfDiverged()).Step);
    }

    [Fact]
    public void BadImagesAreNamed()
    {
        var (images, trainer) = Tiny(7);
        using var _ = images;
        using var __ = trainer;
        using var flat = rand(16, 784);
        using var bytes = zeros(new long[] { 16, 1, 28, 28 }, ScalarType.Byte);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => trainer.Fit(flat, 1)).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => trainer.Fit(bytes, 1)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(images, -1)).ParamName);
    }

    [Fact]
    public void LiveTensorCountStaysFlatAcrossSteps()
    {
        var (images, trainer) = Tiny(8, new KerasGanOptions { BatchSize = 2, LogEvery = 1, SnapshotEvery = 1 });
        using var _ = images;
        using var __ = trainer;
        var seen = 0;
        trainer.Snapshot += s => seen += (int)s.Images.shape[0];
        trainer.Fit(images, 2);
        var afterTwo = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.Fit(images, 6);
        Assert.Equal(afterTwo, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Equal(6 * 16, seen);
    }
}
