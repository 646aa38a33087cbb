using System.Globalization;
using GanKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanKit.Training.Variants;

/// <summary>The settings of <see cref="ConditionalGan"/>; the defaults are those of the common MLP version.</summary>
public sealed record ConditionalGanOptions : IVariantOptions
{
    /// <summary>Length of G's N(0, 1) noise.</summary>
    public int LatentDim { get; init; } = 100;

    /// <summary>Classes the label tells apart (10 digits).</summary>
    public int ClassCount { get; init; } = 10;

    /// <summary>D's optimizer: Adam 2e-4, β = (0.5, 0.999), DCGAN's settings, as PyTorch ports of CGAN use.</summary>
    public OptimizerSettings OptimizerD { get; init; } = new() { LearningRate = 2e-4, Beta1 = 0.5 };

    /// <summary>G's optimizer (the same as D's).</summary>
    public OptimizerSettings OptimizerG { get; init; } = new() { LearningRate = 2e-4, Beta1 = 0.5 };

    public void Validate()
    {
        if (LatentDim < 1) throw new ArgumentOutOfRangeException(nameof(LatentDim), LatentDim, "the noise needs at least one dimension");
        if (ClassCount < 2) throw new ArgumentOutOfRangeException(nameof(ClassCount), ClassCount, "a condition tells at least 2 classes apart");
        OptimizerD.Validate(nameof(OptimizerD));
        OptimizerG.Validate(nameof(OptimizerG));
    }
}

/// <summary>
/// CGAN (Mirza and Osindero 2014): G and D both get the class label, as a one-hot vector appended to G's noise and to
/// D's flattened image, so G learns p(x | y) and D judges (image, label) pairs; the loss is the usual binary
/// cross-entropy with G's non-saturating loss. The networks are the common MLP version (<see cref="MlpGenerator"/>,
/// <see cref="MlpDiscriminator"/>), images in [−1, 1] inside. Each step: D on a real batch with its labels and a
/// generated batch with random labels, then G on the same generated batch.
/// </summary>
public sealed class ConditionalGan : GanVariant
{
    public ConditionalGan(ConditionalGanOptions options, Device? device = null)
        : base("CGAN", Checked(options), new MlpGenerator(options.LatentDim, options.ClassCount), new MlpDiscriminator(options.ClassCount), device)
    {
        Options = options;
    }

    public ConditionalGanOptions Options { get; }

    public override int ClassCount => Options.ClassCount;

    public override IReadOnlyList<string> SeriesNames { get; } = ["loss D", "loss G", "D(x)", "D(G(z))"];

    public override string Recipe => string.Create(CultureInfo.InvariantCulture,
        $"CGAN: MLP G and D, one-hot label appended to G's {Options.LatentDim}-d N(0, 1) noise and to D's image; binary cross-entropy, non-saturating G loss; Adam {Options.OptimizerD.LearningRate:g3} β = ({Options.OptimizerD.Beta1}, {Options.OptimizerD.Beta2}) for both");

    /// <summary>
    /// The one change CGAN makes: <paramref name="input"/> (G's noise (B, latent), or D's images (B, 1, 28, 28), which
    /// are flattened) with the one-hot <paramref name="labels"/> (int64 (B)) appended, (B, input + classes).
    /// </summary>
    public Tensor WithLabels(Tensor input, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var oneHot = F.one_hot(labels.to(ScalarType.Int64, input.device), Options.ClassCount).to(input.dtype);
        return cat([input.flatten(1), oneHot], 1).MoveToOuterDisposeScope();
    }

    public override Tensor SampleInput(long count)
    {
        using var scope = NewDisposeScope();
        var labels = arange(count, dtype: ScalarType.Int64).remainder(Options.ClassCount);
        return WithLabels(randn(count, Options.LatentDim), labels).MoveToOuterDisposeScope();
    }

    public override Tensor GenerateClasses(Tensor labels)
    {
        using var scope = NewDisposeScope();
        return Generate(WithLabels(randn(labels.shape[0], Options.LatentDim), labels)).MoveToOuterDisposeScope();
    }

    protected override Tensor ToUnitRange(Tensor generated) => generated.add(1).div(2);

    protected override double[] TrainStep(BatchStream data)
    {
        var (images, labels) = data.Next();
        var real = images.mul(2).sub(1);   // [0, 1] -> G's range [−1, 1]
        var batch = real.shape[0];
        var fakeLabels = randint(Options.ClassCount, [batch], dtype: ScalarType.Int64, device: Device);
        var fake = Generator.forward(WithLabels(randn([batch, Options.LatentDim], device: Device), fakeLabels));
        var ones = torch.ones([batch, 1], device: Device);
        var zeros = torch.zeros([batch, 1], device: Device);

        OptimizerD.zero_grad();
        var realLogits = Discriminator.forward(WithLabels(real, labels));
        var fakeLogits = Discriminator.forward(WithLabels(fake.detach(), fakeLabels));
        var lossD = F.binary_cross_entropy_with_logits(realLogits, ones).add(F.binary_cross_entropy_with_logits(fakeLogits, zeros));
        lossD.backward();
        OptimizerD.step();

        OptimizerG.zero_grad();
        var lossG = F.binary_cross_entropy_with_logits(Discriminator.forward(WithLabels(fake, fakeLabels)), ones);
        lossG.backward();
        OptimizerG.step();

        return [lossD.item<float>(), lossG.item<float>(), realLogits.sigmoid().mean().item<float>(), fakeLogits.sigmoid().mean().item<float>()];
    }
}
