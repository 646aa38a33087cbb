namespace GanKit.Training.PointGan;

/// <summary>
/// One PointGAN experiment's settings. The article leaves optimiser, rates, batch and step counts
/// open: these defaults are our stated assumptions (notebook 02 prints them). The variants of the
/// study are one <c>with { … }</c> away: label easing, example weights, D weight decay (the study tries
/// 0.1, 1e-3, 1e-5; all in <see cref="AdversarialOptions"/>), G noise.
/// </summary>
public sealed record PointGanOptions : AdversarialOptions
{
    /// <summary>Adam at 0.01 for both networks: our assumption (the article gives no rates).</summary>
    public PointGanOptions()
    {
        LearningRateD = 0.01;
        LearningRateG = 0.01;
    }

    public int Steps { get; init; } = 3000;
    public int BatchSize { get; init; } = 32;

    /// <summary>Std of the Gaussian noise added to G's w and b while D trains (0 = none; the study uses 0.5 and 1.5).</summary>
    public double NoiseScale { get; init; }

    /// <summary>Noisy copies of G per D step, whose losses are averaged ("a batch within the batch").</summary>
    public int NoiseSamples { get; init; } = 8;

    /// <summary>Parameters are recorded every this many steps (and after the last one).</summary>
    public int RecordEvery { get; init; } = 10;

    /// <summary>A run succeeds when |w| and |b − 1| both end below this.</summary>
    public double SuccessTolerance { get; init; } = 0.1;

    public bool HasNoise => NoiseScale > 0;

    public override void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "at least one step");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be at least 1");
        if (NoiseSamples < 1) throw new ArgumentOutOfRangeException(nameof(NoiseSamples), NoiseSamples, "at least one noisy evaluation per D step");
        if (RecordEvery < 1) throw new ArgumentOutOfRangeException(nameof(RecordEvery), RecordEvery, "record at least every step");
        if (NoiseScale < 0) throw new ArgumentOutOfRangeException(nameof(NoiseScale), NoiseScale, "a noise scale is a standard deviation");
        base.Validate();
    }
}
