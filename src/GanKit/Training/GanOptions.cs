namespace GanKit.Training;

/// <summary>What D's last layer gives, and so which BCE the trainer uses.</summary>
public enum DiscriminatorOutput
{
    /// <summary>Raw scores: BCE with logits (numerically safe; d2l).</summary>
    Logits,

    /// <summary>Probabilities from a final sigmoid: plain BCE (PointGAN).</summary>
    Probabilities,
}

/// <summary>The generator's objective.</summary>
public enum GeneratorLoss
{
    /// <summary>G maximises log D(G(z)): BCE(D(G(z)), 1). Strong gradients early; what d2l and practice use.</summary>
    NonSaturating,

    /// <summary>G minimises log(1 − D(G(z))), the original minimax game; its gradient vanishes when D wins.</summary>
    Minimax,
}

/// <summary>How per-example losses become the number that is differentiated.</summary>
public enum LossReduction
{
    Mean,

    /// <summary>Summed over the batch, as d2l's PyTorch code does (BCEWithLogitsLoss(reduction='sum')).</summary>
    Sum,
}

/// <summary>
/// The choices a teacher toggles for <see cref="GanTrainer"/>. D's targets and weights and both optimizers
/// are in <see cref="AdversarialOptions"/>. Immutable: change with <c>with { … }</c>.
/// </summary>
public sealed record GanOptions : AdversarialOptions
{
    /// <summary>d2l's Gaussian GAN: latent 2, Adam lr_D = 0.05, lr_G = 0.005, BCE on logits summed over the batch.</summary>
    public static GanOptions D2lGaussian { get; } = new() { LatentDim = 2, LearningRateD = 0.05, LearningRateG = 0.005, Reduction = LossReduction.Sum };

    public long LatentDim { get; init; } = 2;
    public DiscriminatorOutput Output { get; init; } = DiscriminatorOutput.Logits;
    public GeneratorLoss GeneratorLoss { get; init; } = GeneratorLoss.NonSaturating;
    public LossReduction Reduction { get; init; } = LossReduction.Mean;

    /// <summary>D updates per G update (WGAN-style schedules use 5).</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>Label easing (also called one-sided/two-sided smoothing): targets <c>1 − ε</c> and <c>ε</c>.</summary>
    public GanOptions WithLabelEasing(double epsilon = 0.1) => this with { RealTarget = 1 - epsilon, FakeTarget = epsilon };

    public override void Validate()
    {
        if (LatentDim < 1) throw new ArgumentOutOfRangeException(nameof(LatentDim), LatentDim, "the latent dimension must be at least 1");
        if (DiscriminatorSteps < 1) throw new ArgumentOutOfRangeException(nameof(DiscriminatorSteps), DiscriminatorSteps, "D needs at least one step per G step");
        base.Validate();
    }
}
