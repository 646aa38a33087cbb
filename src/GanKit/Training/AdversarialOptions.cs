namespace GanKit.Training;

/// <summary>
/// What every trainer of a G against a D with one BCE configures the same way: D's targets and example
/// weights, and the two optimizers (one kind, a learning rate and a weight decay per network, Adam's betas),
/// with one validation. <see cref="GanOptions"/> and <see cref="PointGan.PointGanOptions"/> add their own
/// settings. Immutable: change with <c>with { … }</c>.
/// </summary>
public abstract record AdversarialOptions
{
    /// <summary>D's target for real examples; 0.9 with label easing. (G always aims at 1.)</summary>
    public double RealTarget { get; init; } = 1.0;

    /// <summary>D's target for generated examples; 0.1 with label easing.</summary>
    public double FakeTarget { get; init; } = 0.0;

    /// <summary>Weight of each real example in D's loss (times a per-example weight column, when the data has one).</summary>
    public double RealWeight { get; init; } = 1.0;

    /// <summary>Weight of each generated example in D's loss.</summary>
    public double FakeWeight { get; init; } = 1.0;

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

    /// <summary>Throws when a value cannot make sense, before any training starts.</summary>
    public virtual void Validate()
    {
        if (RealTarget is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(RealTarget), RealTarget, "BCE targets lie in [0, 1]");
        if (FakeTarget is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(FakeTarget), FakeTarget, "BCE targets lie in [0, 1]");
        if (LearningRateD <= 0 || LearningRateG <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRateD), "learning rates must be positive");
    }
}
