using System.Text.Json;
using GanKit.Data;
using GanKit.Models;
using GanKit.Training;

namespace GanKit.Tests.Training;

public class GanTrainerRunTests
{
    /// <summary>A d2l setup (data, networks in PyTorch's construction order, N(0, 0.02) on every parameter, loader).</summary>
    internal static (TensorDataset Data, GanTrainer Trainer, TensorLoader Loader) D2lRun(int seed, long examples = 1000)
    {
        manual_seed(seed);
        var data = new TensorDataset(GaussianData.Sample(examples));
        var g = new GaussianGenerator();
        var d = new GaussianDiscriminator();
        // The PyTorch twin re-initialises D's parameters, then G's.
        Initialization.Normal(d, biasesToo: true);
        Initialization.Normal(g, biasesToo: true);
        return (data, new GanTrainer(g, d, GanOptions.D2lGaussian), new TensorLoader(data, batchSize: 8));
    }

    [Fact]
    public void ThreeEpochsMatchThePyTorchTwin()
    {
        // Golden/gaussian_gan.json: tests/GanKit.Torch.Tests/Golden/make_gaussian_gan.py, PyTorch 1.13 on the same libtorch.
        using var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "gaussian_gan.json")));
        var root = golden.RootElement;
        var threads = get_num_threads();
        set_num_threads(1);
        try
        {
            var (data, trainer, loader) = D2lRun(root.GetProperty("seed").GetInt32());
            using var _ = data;
            using var __ = trainer;
            var result = trainer.Fit(loader, epochs: 3);
            Assert.Equal(TrainingStatus.Completed, result.Status);
            var epochs = root.GetProperty("epochs").EnumerateArray().ToArray();
            Assert.Equal(epochs.Length, result.History.Epochs.Count);
            var expectedLosses = epochs.SelectMany(e => new[] { e.GetProperty("loss_D").GetDouble(), e.GetProperty("loss_G").GetDouble() });
            var losses = result.History.Epochs.SelectMany(e => new[] { e.LossD, e.LossG });
            var weights = trainer.Generator.parameters().SelectMany(p => p.data<float>().ToArray()).Select(w => (double)w).ToArray();
            var expected = root.GetProperty("G.weight").EnumerateArray().Concat(root.GetProperty("G.bias").EnumerateArray())
                .Select(v => v.GetDouble()).ToArray();
            Assert.Equal(expected.Length, weights.Length);
            // On libtorch 1.13 (the golden's) the run is bit-exact; on 2.10 (the official package) the largest
            // differences measured were 6.9e-7 (losses) and 1.9e-6 (weights), from other kernels' rounding.
            const double tolerance = 5e-6;
            var lossDeviation = expectedLosses.Zip(losses, (e, a) => Math.Abs(e - a)).Max();
            var weightDeviation = expected.Zip(weights, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(lossDeviation <= tolerance, $"losses differ from PyTorch's by up to {lossDeviation:G3}");
            Assert.True(weightDeviation <= tolerance, $"G's weights differ from PyTorch's by up to {weightDeviation:G3}");
            Assert.Equal(375, trainer.StepCount);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void CancellationStopsAtTheNextStepAndKeepsThePartialHistory()
    {
        var (data, trainer, loader) = D2lRun(1, examples: 80);
        using var _ = data;
        using var __ = trainer;
        using var cancellation = new CancellationTokenSource();
        trainer.StepCompleted += step => { if (step.Step == 5) cancellation.Cancel(); };
        var result = trainer.Fit(loader, epochs: 3, cancellation.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(5, result.History.Steps.Count);
        Assert.Empty(result.History.Epochs);
        Assert.Equal(5, trainer.StepCount);
        Assert.Contains("step 5", result.Message);
    }

    [Fact]
    public void NonFiniteLossStopsWithTheStepNumber()
    {
        manual_seed(2);
        var values = GaussianData.Sample(40).data<float>().ToArray();
        values[2 * 20 + 1] = float.NaN; // example 20: in the third batch of 8 when not shuffled
        using var data = new TensorDataset(tensor(values, 40, 2));
        using var trainer = new GanTrainer(new GaussianGenerator(), new GaussianDiscriminator(), GanOptions.D2lGaussian);
        var result = trainer.Fit(new TensorLoader(data, 8, shuffle: false), epochs: 2);
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.Equal(3, result.FailedStep);
        Assert.Equal(3, result.History.Steps.Count);
        Assert.Contains("step 3", result.Message);
        var thrown = Assert.Throws<TrainingDivergedException>(() => result.ThrowIfDiverged());
        Assert.Equal(3, thrown.Step);
    }

    [Fact]
    public void EpochsReportD2lMeansAndCallbacksFire()
    {
        var (data, trainer, loader) = D2lRun(3, examples: 64);
        using var _ = data;
        using var __ = trainer;
        var epochsSeen = new List<int>();
        trainer.EpochCompleted += e => epochsSeen.Add(e.Epoch);
        var result = trainer.Fit(loader, epochs: 2);
        Assert.Equal(new[] { 1, 2 }, epochsSeen);
        Assert.Equal(16, result.History.Steps.Count);
        var first = result.History.Epochs[0];
        // Every batch has 8 examples, so the epoch's loss is the mean of its steps' per-example losses.
        Assert.Equal(result.History.Steps.Take(8).Average(s => s.LossD), first.LossD, 10);
        Assert.Equal(result.History.Steps.Take(8).Average(s => s.LossG), first.LossG, 10);
        Assert.All(result.History.Steps, s => Assert.InRange(s.DReal, 0, 1));
        Assert.True(first.ExamplesPerSecond > 0);
        Assert.StartsWith("loss_D ", result.History.Summary());
        // Fit counts total epochs: asking for 2 again does nothing more.
        Assert.Equal(16, trainer.Fit(loader, epochs: 2).History.Steps.Count);
    }

    [Fact]
    public void LiveTensorCountStaysFlatAcrossEpochs()
    {
        var (data, trainer, loader) = D2lRun(4, examples: 200);
        using var _ = data;
        using var __ = trainer;
        trainer.Fit(loader, epochs: 1);
        var afterFirst = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.Fit(loader, epochs: 4);
        Assert.Equal(afterFirst, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
