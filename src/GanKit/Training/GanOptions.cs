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

/// <summary>The choices a teacher toggles for <see cref="GanTrainer"/>. Immutable: change with <c>with { … }</c>.</summary>
public sealed record GanOptions
{
    /// <summary>d2l's Gaussian GAN: latent 2, Adam lr_D = 0.05, lr_G = 0.005, BCE on logits summed over the batch.</summary>
    public static GanOptions D2lGaussian { get; } = new() { LatentDim = 2, LearningRateD = 0.05, LearningRateG = 0.005, Reduction = LossReduction.Sum };

    public long LatentDim { get; init; } = 2;
    public DiscriminatorOutput Output { get; init; } = DiscriminatorOutput.Logits;
    public GeneratorLoss GeneratorLoss { get; init; } = GeneratorLoss.NonSaturating;
    public LossReduction Reduction { get; init; } = LossReduction.Mean;

    /// <summary>D's target for real examples; 0.9 with label easing.</summary>
    public double RealTarget { get; init; } = 1.0;

    /// <summary>D's target for generated examples; 0.1 with label easing.</summary>
    public double FakeTarget { get; init; } = 0.0;

    /// <summary>Weight of each real example in D's loss (times a per-example weight column, when the data has one).</summary>
    public double RealWeight { get; init; } = 1.0;

    /// <summary>Weight of each generated example in D's loss.</summary>
    public double FakeWeight { get; init; } = 1.0;

    /// <summary>D updates per G update (WGAN-style schedules use 5).</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRateD { get; init; } = 2e-4;
    public double LearningRateG { get; init; } = 2e-4;

    /// <summary>Adam's β1 (0.9 is PyTorch's default; DCGAN uses 0.5).</summary>
    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    /// <summary>L2 weight decay in D's optimizer.</summary>
    public double WeightDecayD { get; init; }

    /// <summary>L2 weight decay in G's optimizer.</summary>
    public double WeightDecayG { get; init; }

    /// <summary>D's optimizer as <see cref="OptimizerSettings"/> (PyTorch's ε).</summary>
    public OptimizerSettings OptimizerSettingsD => new() { Kind = Optimizer, LearningRate = LearningRateD, Beta1 = Beta1, Beta2 = Beta2, WeightDecay = WeightDecayD };

    /// <summary>G's optimizer as <see cref="OptimizerSettings"/>.</summary>
    public OptimizerSettings OptimizerSettingsG => new() { Kind = Optimizer, LearningRate = LearningRateG, Beta1 = Beta1, Beta2 = Beta2, WeightDecay = WeightDecayG };

    /// <summary>Label easing (also called one-sided/two-sided smoothing): targets <c>1 − ε</c> and <c>ε</c>.</summary>
    public GanOptions WithLabelEasing(double epsilon = 0.1) => this with { RealTarget = 1 - epsilon, FakeTarget = epsilon };

    /// <summary>Throws when a value cannot make sense, before any training starts.</summary>
    public void Validate()
    {
        if (LatentDim < 1) throw new ArgumentOutOfRangeException(nameof(LatentDim), LatentDim, "the latent dimension must be at least 1");
        if (DiscriminatorSteps < 1) throw new ArgumentOutOfRangeException(nameof(DiscriminatorSteps), DiscriminatorSteps, "D needs at least one step per G step");
        if (RealTarget is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(RealTarget), RealTarget, "BCE targets lie in [0, 1]");
        if (FakeTarget is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(FakeTarget), FakeTarget, "BCE targets lie in [0, 1]");
        if (LearningRateD <= 0 || LearningRateG <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRateD), "learning rates must be positive");
    }
}
