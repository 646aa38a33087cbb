using GanKit.Training;
using TorchSharp.Modules;

namespace GanKit.Tests.Training;

public class GanTrainerStepTests
{
    private static Linear Affine(double weight, double bias)
    {
        var layer = nn.Linear(1, 1, dtype: ScalarType.Float64);
        nn.init.constant_(layer.weight, weight);
        nn.init.constant_(layer.bias!, bias);
        return layer;
    }

    private static double Value(Tensor t) => t.to_type(ScalarType.Float64).item<double>();

    public static TheoryData<double, double, double, double, GeneratorLoss, double> Variants => new()
    {
        { 1.0, 0.0, 1.0, 1.0, GeneratorLoss.NonSaturating, 0.0 },  // plain d2l
        { 0.9, 0.1, 1.0, 1.0, GeneratorLoss.NonSaturating, 0.0 },  // label easing
        { 1.0, 0.0, 2.0, 0.5, GeneratorLoss.NonSaturating, 0.0 },  // weighted examples
        { 1.0, 0.0, 1.0, 1.0, GeneratorLoss.Minimax, 0.0 },
        { 1.0, 0.0, 1.0, 1.0, GeneratorLoss.NonSaturating, 0.1 },  // weight decay (D: λ, G: 2λ)
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void OneIterationMatchesTheHandComputedStep(double realTarget, double fakeTarget, double realWeight, double fakeWeight, GeneratorLoss generatorLoss,
        double weightDecay)
    {
        var options = new GanOptions
        {
            LatentDim = 1, Optimizer = OptimizerKind.Sgd, LearningRateD = 0.1, LearningRateG = 0.05,
            RealTarget = realTarget, FakeTarget = fakeTarget, RealWeight = realWeight, FakeWeight = fakeWeight,
            GeneratorLoss = generatorLoss, WeightDecayD = weightDecay, WeightDecayG = 2 * weightDecay,
        };
        double[] real = [1.0, 2.0, -0.5], z = [0.5, -1.0, 2.0], perExample = [1.0, 3.0, 0.5];
        var expected = new HandComputedGanStep(0.3, 0.1, 0.5, -0.2, real, z, perExample, options);

        using var g = Affine(0.5, -0.2);
        using var d = Affine(0.3, 0.1);
        using var trainer = new GanTrainer(g, d, options);
        using var realTensor = tensor(real).reshape(3, 1);
        using var zTensor = tensor(z).reshape(3, 1);
        using var weights = tensor(perExample);
        var dStep = trainer.UpdateDiscriminator(realTensor, zTensor, weights);
        var gStep = trainer.UpdateGenerator(zTensor);

        Assert.Equal(expected.LossD, dStep.Loss, 12);
        Assert.Equal(expected.DReal, dStep.DReal, 12);
        Assert.Equal(expected.DFake, dStep.DFake, 12);
        Assert.Equal(expected.GradNormD, dStep.GradientNorm, 12);
        Assert.Equal(expected.A, Value(d.weight), 12);
        Assert.Equal(expected.C, Value(d.bias!), 12);
        Assert.Equal(expected.LossG, gStep.Loss, 12);
        Assert.Equal(expected.GradNormG, gStep.GradientNorm, 12);
        Assert.Equal(expected.Gw, Value(g.weight), 12);
        Assert.Equal(expected.Gb, Value(g.bias!), 12);
    }

    [Fact]
    public void FitUsesTheWeightColumnAndReusesBatchAndZForExtraDiscriminatorSteps()
    {
        var options = new GanOptions { LatentDim = 1, Optimizer = OptimizerKind.Sgd, LearningRateD = 0.1, LearningRateG = 0.05, DiscriminatorSteps = 3 };
        double[] real = [1.0, 2.0, -0.5];
        using var g = Affine(0.5, -0.2);
        using var d = Affine(0.3, 0.1);
        using var trainer = new GanTrainer(g, d, options);
        double[] perExample = [0.5, 2.0, 1.0];
        using var data = new GanKit.Data.TensorDataset(tensor(real).reshape(3, 1), tensor(perExample));
        manual_seed(8);
        trainer.Fit(new GanKit.Data.TensorLoader(data, batchSize: 3, shuffle: false), epochs: 1);

        using var g2 = Affine(0.5, -0.2);
        using var d2 = Affine(0.3, 0.1);
        using var byHand = new GanTrainer(g2, d2, options);
        manual_seed(8);
        using var z = randn(new long[] { 3, 1 }, ScalarType.Float64);
        using var x = tensor(real).reshape(3, 1);
        using var w = tensor(perExample);
        for (var k = 0; k < 3; k++) byHand.UpdateDiscriminator(x, z, w);
        byHand.UpdateGenerator(z);
        Assert.Equal(Value(d2.weight), Value(d.weight), 12);
        Assert.Equal(Value(g2.weight), Value(g.weight), 12);
        Assert.Equal(Value(g2.bias!), Value(g.bias!), 12);
    }

    [Fact]
    public void SumReductionReportsTheSameMeansAndScalesTheGradient()
    {
        var mean = new GanOptions { LatentDim = 1, Optimizer = OptimizerKind.Sgd, LearningRateD = 0.1 };
        var sum = mean with { Reduction = LossReduction.Sum };
        double[] real = [1.0, 2.0], z = [0.5, -1.0];
        var steps = new[] { mean, sum }.Select(options =>
        {
            using var g = Affine(0.5, -0.2);
            using var d = Affine(0.3, 0.1);
            using var trainer = new GanTrainer(g, d, options);
            return trainer.UpdateDiscriminator(tensor(real).reshape(2, 1), tensor(z).reshape(2, 1));
        }).ToArray();
        Assert.Equal(steps[0].Loss, steps[1].Loss, 12);
        Assert.Equal(2 * steps[0].GradientNorm, steps[1].GradientNorm, 12);
    }

    [Fact]
    public void ProbabilityOutputsUsePlainBce()
    {
        // D ends in a sigmoid: feeding σ(logits) with Output = Probabilities must give the logits' loss.
        using var logits = tensor(new[] { 0.3, -1.2, 2.0 }).reshape(3, 1);
        using var probabilities = logits.sigmoid();
        var onLogits = new GanOptions().WithLabelEasing(0.1);
        var onProbabilities = onLogits with { Output = DiscriminatorOutput.Probabilities };
        using var fromLogits = GanLosses.Discriminator(logits, logits.neg(), onLogits);
        using var fromProbabilities = GanLosses.Discriminator(probabilities, logits.neg().sigmoid(), onProbabilities);
        Assert.Equal(Value(fromLogits), Value(fromProbabilities), 10);
        Assert.Equal(0.9, onLogits.RealTarget, 12);
        Assert.Equal(0.1, onLogits.FakeTarget, 12);
    }

    [Fact]
    public void ImpossibleOptionsAreRejectedBeforeTraining()
    {
        using var g = Affine(1, 0);
        using var d = Affine(1, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GanTrainer(g, d, new GanOptions { DiscriminatorSteps = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GanTrainer(g, d, new GanOptions { RealTarget = 1.5 }));
    }
}
