using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace GanKit.Training;

/// <summary>The GAN losses the trainer differentiates, as plain functions a notebook can call and plot.</summary>
public static class GanLosses
{
    /// <summary>
    /// BCE of D's outputs against a constant target, each example weighted by <paramref name="weight"/>
    /// (null = 1; any shape that has one value per example).
    /// </summary>
    public static Tensor Bce(Tensor output, double target, Tensor? weight, DiscriminatorOutput kind, LossReduction reduction)
    {
        using var scope = NewDisposeScope();
        var targets = full_like(output, target);
        var perExample = weight?.reshape(output.shape);
        var mode = reduction == LossReduction.Sum ? nn.Reduction.Sum : nn.Reduction.Mean;
        var loss = kind == DiscriminatorOutput.Logits
            ? binary_cross_entropy_with_logits(output, targets, perExample, mode)
            : binary_cross_entropy(output, targets, perExample, mode);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>d2l's D loss: ½[BCE(D(x), real target) + BCE(D(G(z)), fake target)].</summary>
    public static Tensor Discriminator(Tensor realOutput, Tensor fakeOutput, GanOptions options, Tensor? realWeight = null, Tensor? fakeWeight = null)
    {
        using var scope = NewDisposeScope();
        var real = Bce(realOutput, options.RealTarget, realWeight, options.Output, options.Reduction);
        var fake = Bce(fakeOutput, options.FakeTarget, fakeWeight, options.Output, options.Reduction);
        return real.add(fake).div(2).MoveToOuterDisposeScope();
    }

    /// <summary>G's loss on D's verdict about generated examples: non-saturating BCE(·, 1), or minimax −BCE(·, 0) = log(1 − D).</summary>
    public static Tensor Generator(Tensor fakeOutput, GanOptions options)
    {
        using var scope = NewDisposeScope();
        var loss = options.GeneratorLoss == GeneratorLoss.NonSaturating
            ? Bce(fakeOutput, 1.0, null, options.Output, options.Reduction)
            : Bce(fakeOutput, 0.0, null, options.Output, options.Reduction).neg();
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Mean of D's outputs as probabilities (sigmoid first when D gives logits).</summary>
    public static double MeanProbability(Tensor output, DiscriminatorOutput kind)
    {
        using var scope = NewDisposeScope();
        var probabilities = kind == DiscriminatorOutput.Logits ? output.sigmoid() : output;
        return probabilities.mean().ToDoubleValue();
    }
}
