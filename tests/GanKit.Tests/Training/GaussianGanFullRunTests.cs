using GanKit.Data;
using GanKit.Models;
using GanKit.Training;

namespace GanKit.Tests.Training;

/// <summary>
/// Notebook 01 at full fidelity: d2l's setup exactly (weights N(0, 0.02), biases 0, Adam 0.05/0.005,
/// batch 8, 20 epochs). The bands come from 32 runs: seeds 1–16 on libtorch 1.13 (our binding) and on
/// libtorch 2.10 (the official TorchSharp package), 2 threads. Over all of them: final losses within 0.016
/// of ln 2; generated means 0.64–1.10 and 1.46–1.99 (b = 1, 2); covariances 0.44–1.40, 1.06–2.32,
/// 2.71–4.92 (AᵀA = 1.01, 1.95, 4.25); correlation 0.78–0.97 (AᵀA's: 0.94). After 20 epochs G has the
/// tilt of the ellipse but not yet its full size; the bands are those ranges with a margin of about a tenth
/// of their width, still far from a collapsed G (covariances near 0) or an untilted one (correlation near 0).
/// </summary>
public class GaussianGanFullRunTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TwentyEpochsReachEquilibriumAndTheTiltedEllipse(int seed)
    {
        manual_seed(seed);
        using var data = new TensorDataset(GaussianData.Sample(1000));
        using var trainer = new GanTrainer(Initialization.Normal(new GaussianGenerator()), Initialization.Normal(new GaussianDiscriminator()),
            GanOptions.D2lGaussian);
        var result = trainer.Fit(new TensorLoader(data, batchSize: 8), epochs: 20);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(2500, trainer.StepCount);
        Assert.InRange(result.History.Epochs[^1].LossD, Math.Log(2) - 0.02, Math.Log(2) + 0.02);
        Assert.InRange(result.History.Epochs[^1].LossG, Math.Log(2) - 0.02, Math.Log(2) + 0.02);

        using var scope = NewDisposeScope();
        var generated = trainer.Generate(10_000);
        var mean = generated.mean(new long[] { 0 }).data<float>().ToArray();
        var centred = generated.sub(generated.mean(new long[] { 0 }));
        var covariance = centred.t().matmul(centred).div(9_999).data<float>().ToArray();
        Assert.InRange(mean[0], 0.6, 1.15);
        Assert.InRange(mean[1], 1.4, 2.05);
        Assert.InRange(covariance[0], 0.35, 1.5);
        Assert.InRange(covariance[1], 0.95, 2.45);
        Assert.InRange(covariance[3], 2.5, 5.15);
        Assert.InRange(covariance[1] / Math.Sqrt(covariance[0] * covariance[3]), 0.75, 1.0);
    }
}
