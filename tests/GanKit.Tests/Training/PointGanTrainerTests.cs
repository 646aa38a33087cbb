using GanKit.Models;
using GanKit.Training.PointGan;

namespace GanKit.Tests.Training;

public class PointGanTrainerTests
{
    private static readonly PointGanOptions Short = new() { Steps = 60, BatchSize = 16, RecordEvery = 20 };

    [Fact]
    public void NoSeedsIsRefusedClearly()
    {
        var error = Assert.Throws<ArgumentException>(() => PointGanTrainer.Train([], Short));
        Assert.Contains("at least one seed", error.Message);
    }

    private static void AssertSameParameters(PointGanParameters expected, PointGanParameters actual, int digits)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        for (var i = 0; i < e.Length; i++) Assert.Equal(e[i], a[i], digits);
    }

    public static TheoryData<string> Variants => ["baseline", "easing", "weights", "decay", "noise"];

    private static PointGanOptions Variant(string name) => name switch
    {
        "easing" => Short with { RealTarget = 0.9, FakeTarget = 0.1 },
        "weights" => Short with { FakeWeight = 0.5 },
        "decay" => Short with { WeightDecayD = 0.1 },
        "noise" => Short with { NoiseScale = 1.5, NoiseSamples = 4, WeightDecayD = 0.1 },
        _ => Short,
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void BatchedSeedsEqualTheSameSeedsTrainedOneByOne(string variant)
    {
        var options = Variant(variant);
        int[] seeds = [3, 14, 15];
        var batched = PointGanTrainer.Train(seeds, options);
        Assert.Equal(new[] { 0, 20, 40, 60 }, batched.RecordedSteps);
        for (var i = 0; i < seeds.Length; i++)
        {
            var alone = PointGanTrainer.Train([seeds[i]], options);
            for (var record = 0; record < alone.RecordedSteps.Count; record++)
                AssertSameParameters(alone.At(record, 0), batched.At(record, i), 5);
        }
    }

    [Fact]
    public void OneSeedEqualsAPlainLoopOverTheTutorialModules()
    {
        // The readable single-model PointGAN (nn.Linear layers, BCELoss on the stacked batch), fed the same draws.
        var options = Short;
        using var draws = PointGanDraws.ForSeeds([21], options);
        var initial = draws.Initial.data<float>().ToArray();
        using var g = new PointGenerator();
        using var d = new PointDiscriminator();
        using (no_grad())
        {
            g.Neuron.weight.copy_(tensor(initial[0..1]).reshape(1, 1));
            g.Neuron.bias!.copy_(tensor(initial[1..2]));
            d.Hidden.weight.copy_(tensor(initial[2..4]).reshape(2, 1));
            d.Hidden.bias!.copy_(tensor(initial[4..6]));
            d.Output.weight.copy_(tensor(initial[6..8]).reshape(1, 2));
            d.Output.bias!.copy_(tensor(initial[8..9]));
        }
        using var optimizerD = optim.Adam(d.parameters(), options.LearningRateD);
        using var optimizerG = optim.Adam(g.parameters(), options.LearningRateG);
        for (var step = 0; step < options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = draws.Inputs[0, step];
            var real = ones_like(x);
            optimizerD.zero_grad();
            var outputs = cat(new List<Tensor> { d.forward(g.forward(x).detach()), d.forward(real) }, 0);
            var targets = cat(new List<Tensor> { zeros_like(x), ones_like(x) }, 0);
            nn.functional.binary_cross_entropy(outputs, targets).backward();
            optimizerD.step();
            optimizerG.zero_grad();
            nn.functional.binary_cross_entropy(d.forward(g.forward(x)), ones_like(x)).backward();
            optimizerG.step();
        }
        var expected = PointGanParameters.FromArray(g.parameters().Concat(d.parameters()).SelectMany(p => p.data<float>().ToArray()).ToArray());
        var batched = PointGanTrainer.Train([21], options);
        AssertSameParameters(expected, batched.Final(0), 5);
    }

    [Fact]
    public void PlainDoubleFunctionsMatchTheEnsemble()
    {
        using var initial = tensor(new float[] { 0.3f, 0.8f, 1.5f, -2f, 0.1f, 0.4f, -1.2f, 0.7f, 0.05f }).reshape(1, 9);
        using var ensemble = new PointGanEnsemble(initial);
        var parameters = PointGanParameters.FromArray(initial.data<float>().ToArray());
        double[] xs = [-1.0, -0.25, 0.6, 1.0];
        using var x = tensor(xs.Select(v => (float)v).ToArray()).reshape(1, 4, 1);
        using var y = ensemble.Generate(x);
        using var p = ensemble.Discriminate(y);
        var ys = y.data<float>().ToArray();
        var ps = p.data<float>().ToArray();
        for (var i = 0; i < xs.Length; i++)
        {
            Assert.Equal(parameters.Generate(xs[i]), ys[i], 5);
            Assert.Equal(parameters.Discriminate(parameters.Generate(xs[i])), ps[i], 5);
        }
    }

    [Theory]
    [InlineData(1.0, 0.0, 1.0, 1.0)]
    [InlineData(0.9, 0.1, 1.0, 1.0)] // label easing
    [InlineData(1.0, 0.0, 1.0, 0.25)] // generated examples count less
    public void DiscriminatorLossesArePerSeedMeansOfTheStackedBce(double realTarget, double fakeTarget, double realWeight, double fakeWeight)
    {
        var options = Short with { RealTarget = realTarget, FakeTarget = fakeTarget, RealWeight = realWeight, FakeWeight = fakeWeight };
        float[] values = [0.3f, 0.8f, 1.5f, -2f, 0.1f, 0.4f, -1.2f, 0.7f, 0.05f, -0.5f, 1.1f, 0.9f, 0.6f, -0.3f, 0.2f, 2f, -1f, 0.5f];
        using var initial = tensor(values).reshape(2, 9);
        using var ensemble = new PointGanEnsemble(initial);
        float[] fakes = [0.2f, 1.4f, -0.7f, 0.9f, 1.0f, 3.0f];
        using var fake = tensor(fakes).reshape(2, 3, 1);
        using var losses = PointGanTrainer.DiscriminatorLosses(ensemble, fake, options);
        Assert.Equal(new long[] { 2 }, losses.shape);
        static double Bce(double p, double t) => -(t * Math.Log(p) + (1 - t) * Math.Log(1 - p));
        for (var s = 0; s < 2; s++)
        {
            var d = PointGanParameters.FromArray(values.AsSpan(9 * s, 9));
            var total = Enumerable.Range(0, 3).Sum(j => fakeWeight * Bce(d.Discriminate(fakes[3 * s + j]), fakeTarget) + realWeight * Bce(d.Discriminate(1), realTarget));
            Assert.Equal(total / 6, losses[s].item<float>(), 5);
        }
    }

    [Fact]
    public void ASweepEnsembleScoresEachDiscriminatorAgainstTheSameGenerator()
    {
        // G already outputs the real value 1 everywhere; a D that says 0.5 everywhere has loss ln 2.
        var flat = new PointGanParameters(0, 1, 0, 0, 0, 0, 0, 0, 0);
        var tilted = flat with { HiddenWeight0 = 1, OutputWeight0 = 2 };
        using var ensemble = PointGanEnsemble.FromParameters([flat, tilted]);
        using var x = tensor(new float[] { -1, 0, 0.5f, 1, -1, 0, 0.5f, 1 }).reshape(2, 4, 1);
        using var fake = ensemble.Generate(x);
        using var losses = PointGanTrainer.DiscriminatorLosses(ensemble, fake, Short);
        Assert.Equal(Math.Log(2), losses[0].item<float>(), 5);
        // Fakes and reals are both 1, so D(1) = p for all rows: loss = ½[−ln(1 − p) − ln p].
        var p = tilted.Discriminate(1);
        Assert.Equal(-(Math.Log(1 - p) + Math.Log(p)) / 2, losses[1].item<float>(), 5);
    }

    [Fact]
    public void NoisyGeneratorsShiftWAndBByTheScaledNoise()
    {
        using var initial = tensor(new float[] { 0.5f, 1f, 1, 1, 0, 0, 1, 1, 0, 2f, -1f, 1, 1, 0, 0, 1, 1, 0 }).reshape(2, 9);
        using var ensemble = new PointGanEnsemble(initial);
        using var x = tensor(new float[] { 1f, -1f, 1f, -1f }).reshape(2, 2, 1);          // (S=2, N=2, 1)
        using var noise = tensor(new float[] { 1, 0, 0, 1, -1, -1, 0, 0 }).reshape(2, 2, 2); // (S, K=2, 2)
        using var y = ensemble.GenerateNoisy(x, noise, scale: 0.5);
        Assert.Equal(new long[] { 2, 4, 1 }, y.shape);
        // Seed 0: (w, b) = (0.5, 1) → (1, 1) and (0.5, 1.5). Seed 1: (2, −1) → (1.5, −1.5) and (2, −1).
        Assert.Equal(new float[] { 2, 0, 2, 1, -1.5f + 1.5f, -1.5f - 1.5f, 1, -3 }, y.data<float>().ToArray());
    }

    [Fact]
    public void TrainingLeavesNoLiveTensorsBehind()
    {
        PointGanTrainer.Train([1], Short with { NoiseScale = 0.5 }); // first use creates cached op handles, not tensors
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        PointGanTrainer.Train([1, 2, 3], Short with { NoiseScale = 0.5 });
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void CancellationReturnsWhatWasRecorded()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = PointGanTrainer.Train([1, 2], Short, cancelled.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(new[] { 0 }, result.RecordedSteps);
    }

    [Fact]
    public void SummariesAcrossSeedsAreMeansAndStds()
    {
        var result = PointGanTrainer.Train([1, 2, 3, 4], Short);
        var (mean, std) = result.AcrossSeeds(p => p.W);
        var finals = Enumerable.Range(0, 4).Select(i => result.Final(i).W).ToArray();
        Assert.Equal(finals.Average(), mean[^1], 10);
        Assert.Equal(Math.Sqrt(finals.Select(w => (w - finals.Average()) * (w - finals.Average())).Average()), std[^1], 10);
        Assert.InRange(result.SuccessRate, 0, 1);
        Assert.Equal(result.Curve(2, p => p.B)[^1], result.Final(2).B);
    }
}
