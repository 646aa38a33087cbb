using System.Globalization;
using GanKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Training.Variants;

/// <summary>How a Wasserstein critic is kept (close to) 1-Lipschitz.</summary>
public enum LipschitzConstraint
{
    /// <summary>WGAN (Arjovsky et al. 2017): every weight clamped to [−c, c] after each critic update.</summary>
    WeightClipping,

    /// <summary>WGAN-GP (Gulrajani et al. 2017): λ·mean((‖∇D(x̂)‖₂ − 1)²) at random interpolates added to the critic's loss.</summary>
    GradientPenalty,
}

/// <summary>
/// The settings of <see cref="WassersteinGan"/>. <see cref="Wgan"/> and <see cref="WganGp"/> give the papers' ones;
/// change one with <c>with</c>.
/// </summary>
public sealed record WassersteinOptions : IVariantOptions
{
    /// <summary>Length of G's N(0, 1) noise.</summary>
    public int LatentDim { get; init; } = 100;

    public LipschitzConstraint Constraint { get; init; } = LipschitzConstraint.GradientPenalty;

    /// <summary>Critic updates per generator update (n_critic: 5 in both papers).</summary>
    public int CriticSteps { get; init; } = 5;

    /// <summary>
    /// The official WGAN code's schedule: this many critic updates instead of <see cref="CriticSteps"/> for the first
    /// <see cref="WarmupGeneratorSteps"/> generator updates and at every <see cref="WarmupEvery"/>-th, so the critic is
    /// close to its optimum before G follows it. 0: no such schedule (WGAN-GP's code has none).
    /// </summary>
    public int WarmupCriticSteps { get; init; }

    public int WarmupGeneratorSteps { get; init; } = 25;

    public int WarmupEvery { get; init; } = 500;

    /// <summary>WGAN: the clipping bound c.</summary>
    public double Clip { get; init; } = 0.01;

    /// <summary>WGAN-GP: the penalty's weight λ.</summary>
    public double PenaltyWeight { get; init; } = 10;

    /// <summary>The critic's optimizer.</summary>
    public OptimizerSettings OptimizerD { get; init; } = new() { LearningRate = 1e-4, Beta1 = 0.5, Beta2 = 0.9 };

    /// <summary>G's optimizer.</summary>
    public OptimizerSettings OptimizerG { get; init; } = new() { LearningRate = 1e-4, Beta1 = 0.5, Beta2 = 0.9 };

    /// <summary>WGAN as the paper's Algorithm 1 and the official code: RMSprop 5e-5 for both, weights clipped to ±0.01,
    /// 5 critic updates per G update, and 100 for the first 25 G updates and every 500th.</summary>
    public static WassersteinOptions Wgan => new()
    {
        Constraint = LipschitzConstraint.WeightClipping,
        WarmupCriticSteps = 100,
        OptimizerD = new() { Kind = OptimizerKind.RmsProp, LearningRate = 5e-5 },
        OptimizerG = new() { Kind = OptimizerKind.RmsProp, LearningRate = 5e-5 },
    };

    /// <summary>WGAN-GP as the official MNIST script (gan_mnist.py): λ = 10, 5 critic updates, Adam 1e-4 with β =
    /// (0.5, 0.9) (the paper's table says β₁ = 0).</summary>
    public static WassersteinOptions WganGp => new();

    /// <summary>Critic updates before generator update number <paramref name="generatorStep"/> (counted from 0).</summary>
    public int CriticStepsBefore(long generatorStep) =>
        WarmupCriticSteps > 0 && (generatorStep < WarmupGeneratorSteps || (WarmupEvery > 0 && generatorStep % WarmupEvery == 0))
            ? WarmupCriticSteps
            : CriticSteps;

    public void Validate()
    {
        if (LatentDim < 1) throw new ArgumentOutOfRangeException(nameof(LatentDim), LatentDim, "the noise needs at least one dimension");
        if (CriticSteps < 1) throw new ArgumentOutOfRangeException(nameof(CriticSteps), CriticSteps, "the critic trains at least once per generator update");
        if (WarmupCriticSteps < 0 || WarmupGeneratorSteps < 0 || WarmupEvery < 0)
            throw new ArgumentOutOfRangeException(nameof(WarmupCriticSteps), (WarmupCriticSteps, WarmupGeneratorSteps, WarmupEvery), "the warm-up schedule's numbers cannot be negative");
        if (Constraint == LipschitzConstraint.WeightClipping && !(Clip > 0)) throw new ArgumentOutOfRangeException(nameof(Clip), Clip, "the clipping bound must be positive");
        if (Constraint == LipschitzConstraint.GradientPenalty && !(PenaltyWeight > 0))
            throw new ArgumentOutOfRangeException(nameof(PenaltyWeight), PenaltyWeight, "the penalty's weight must be positive");
        OptimizerD.Validate(nameof(OptimizerD));
        OptimizerG.Validate(nameof(OptimizerG));
    }
}

/// <summary>
/// WGAN and WGAN-GP: a critic without sigmoid scores real images high and generated ones low; mean D(real) − mean
/// D(fake) estimates the Wasserstein-1 distance between the two distributions (up to the critic's Lipschitz constant),
/// which G lowers. The critic trains several times per G update, kept Lipschitz by weight clipping (WGAN) or by the
/// gradient penalty (WGAN-GP; <see cref="WassersteinLosses"/>). The networks are the MLPs of <see cref="MlpGenerator"/>
/// and <see cref="MlpDiscriminator"/> (no batch norm in the critic), images in [−1, 1] inside.
/// </summary>
public sealed class WassersteinGan : GanVariant
{
    public WassersteinGan(WassersteinOptions options, Device? device = null)
        : base(Checked(options).Constraint == LipschitzConstraint.WeightClipping ? "WGAN" : "WGAN-GP", options,
            new MlpGenerator(options.LatentDim), new MlpDiscriminator(), device)
    {
        Options = options;
    }

    public WassersteinOptions Options { get; }

    /// <summary>The critic's estimate of the Wasserstein distance, mean D(real) − mean D(fake) (should fall as G learns),
    /// WGAN-GP's penalty (unscaled), and G's loss; means over the step's critic updates.</summary>
    public override IReadOnlyList<string> SeriesNames => Options.Constraint == LipschitzConstraint.GradientPenalty
        ? ["W estimate", "penalty", "loss G"]
        : ["W estimate", "loss G"];

    public override string Recipe
    {
        get
        {
            var o = Options;
            string Optimizer(OptimizerSettings s) => s.Kind == OptimizerKind.RmsProp
                ? string.Create(CultureInfo.InvariantCulture, $"RMSprop {s.LearningRate:g3}")
                : string.Create(CultureInfo.InvariantCulture, $"Adam {s.LearningRate:g3} β = ({s.Beta1}, {s.Beta2})");
            var constraint = o.Constraint == LipschitzConstraint.WeightClipping
                ? string.Create(CultureInfo.InvariantCulture, $"weights clipped to ±{o.Clip}")
                : string.Create(CultureInfo.InvariantCulture, $"gradient penalty λ = {o.PenaltyWeight}");
            var warmup = o.WarmupCriticSteps > 0
                ? $" ({o.WarmupCriticSteps} for the first {o.WarmupGeneratorSteps} G updates and every {o.WarmupEvery}th)"
                : "";
            return $"{Name}: MLP G and critic (no sigmoid, no batch norm), {o.LatentDim}-d N(0, 1) noise; {constraint}; {o.CriticSteps} critic updates per G update{warmup}; critic {Optimizer(o.OptimizerD)}, G {Optimizer(o.OptimizerG)}";
        }
    }

    public override Tensor SampleInput(long count) => randn(count, Options.LatentDim);

    protected override Tensor ToUnitRange(Tensor generated) => generated.add(1).div(2);

    protected override double[] TrainStep(BatchStream data)
    {
        var criticSteps = Options.CriticStepsBefore(StepCount);
        double distance = 0, penalty = 0;
        for (var k = 0; k < criticSteps; k++)
        {
            using var scope = NewDisposeScope();
            var real = data.Next().Images.mul(2).sub(1);   // [0, 1] -> G's range [−1, 1]
            Tensor fake;
            using (no_grad()) fake = Generator.forward(randn([real.shape[0], Options.LatentDim], device: Device));
            OptimizerD.zero_grad();
            var loss = WassersteinLosses.Critic(Discriminator.forward(real), Discriminator.forward(fake));
            distance += -loss.item<float>();
            if (Options.Constraint == LipschitzConstraint.GradientPenalty)
            {
                var gp = WassersteinLosses.GradientPenalty(Discriminator, real, fake);
                penalty += gp.item<float>();
                loss = loss.add(gp.mul(Options.PenaltyWeight));
            }
            loss.backward();
            OptimizerD.step();
            if (Options.Constraint == LipschitzConstraint.WeightClipping) WassersteinLosses.ClipWeights(Discriminator, Options.Clip);
        }

        OptimizerG.zero_grad();
        var lossG = WassersteinLosses.Generator(Discriminator.forward(Generator.forward(randn([data.BatchSize, Options.LatentDim], device: Device))));
        lossG.backward();
        OptimizerG.step();
        return Options.Constraint == LipschitzConstraint.GradientPenalty
            ? [distance / criticSteps, penalty / criticSteps, lossG.item<float>()]
            : [distance / criticSteps, lossG.item<float>()];
    }
}
