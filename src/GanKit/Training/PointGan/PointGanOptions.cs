namespace GanKit.Training.PointGan;

/// <summary>
/// One PointGAN experiment's settings. The article leaves optimiser, rates, batch and step counts
/// open: these defaults are our stated assumptions (notebook 02 prints them). The variants of the
/// study are one <c>with { … }</c> away: label easing, example weights, D weight decay, G noise.
/// </summary>
public sealed record PointGanOptions
{
    public int Steps { get; init; } = 3000;
    public int BatchSize { get; init; } = 32;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRateD { get; init; } = 0.01;
    public double LearningRateG { get; init; } = 0.01;

    /// <summary>D's targets for real and generated examples (0.9 / 0.1 with label easing); G always aims at 1.</summary>
    public double RealTarget { get; init; } = 1.0;
    public double FakeTarget { get; init; } = 0.0;

    /// <summary>Loss weight of each real / generated example in D's joint BCE.</summary>
    public double RealWeight { get; init; } = 1.0;
    public double FakeWeight { get; init; } = 1.0;

    /// <summary>L2 weight decay in D's optimizer (the study tries 0.1, 1e-3, 1e-5).</summary>
    public double WeightDecayD { get; init; }

    public double WeightDecayG { get; init; }

    /// <summary>Std of the Gaussian noise added to G's w and b while D trains (0 = none; the study uses 0.5 and 1.5).</summary>
    public double NoiseScale { get; init; }

    /// <summary>Noisy copies of G per D step, whose losses are averaged ("a batch within the batch").</summary>
    public int NoiseSamples { get; init; } = 8;

    /// <summary>Parameters are recorded every this many steps (and after the last one).</summary>
    public int RecordEvery { get; init; } = 10;

    /// <summary>A run succeeds when |w| and |b − 1| both end below this.</summary>
    public double SuccessTolerance { get; init; } = 0.1;

    public bool HasNoise => NoiseScale > 0;

    public void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "at least one step");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be at least 1");
        if (NoiseSamples < 1) throw new ArgumentOutOfRangeException(nameof(NoiseSamples), NoiseSamples, "at least one noisy evaluation per D step");
        if (RecordEvery < 1) throw new ArgumentOutOfRangeException(nameof(RecordEvery), RecordEvery, "record at least every step");
        if (NoiseScale < 0) throw new ArgumentOutOfRangeException(nameof(NoiseScale), NoiseScale, "a noise scale is a standard deviation");
        if (LearningRateD <= 0 || LearningRateG <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRateD), "learning rates must be positive");
    }
}
