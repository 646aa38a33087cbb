namespace GanKit.Cli.Metrics;

/// <summary>
/// What <c>gankit metrics</c> computed, on what and how: printed as a table (<see cref="MetricsReportText"/>) and
/// written as JSON (<see cref="MetricsReportJson"/>).
/// </summary>
/// <remarks>
/// In the command-line project, not in GanKit.Metrics: it describes one run of the command (paths, sources, options,
/// elapsed time). A notebook has GanKit.Metrics' own result records and GanKit.Display's tables for the numbers.
/// </remarks>
public sealed record MetricsReport
{
    public required FeatureSide Real { get; init; }

    public required FeatureSide Fake { get; init; }

    /// <summary>Fréchet Inception Distance (on whatever features were given, Inception's or not).</summary>
    public required double Fid { get; init; }

    public required KidReport Kid { get; init; }

    public required PrecisionRecallReport PrecisionRecall { get; init; }

    /// <summary>Null when there were no class probabilities.</summary>
    public InceptionScoreReport? InceptionScore { get; init; }

    /// <summary>Defaults resolved from the data, options without effect.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What looks wrong but did not stop the computation.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>From the start of the command to the end of the computation (reading, extraction, metrics).</summary>
    public double ElapsedSeconds { get; init; }
}

/// <summary>One side's features: where from (<paramref name="Source"/>: "npy file", "images, MNIST classifier features"), how many, how wide.</summary>
public sealed record FeatureSide(string Path, string Source, long Count, long Dimensions);

/// <summary>KID over <paramref name="Subsets"/> subsets of <paramref name="SubsetSize"/> rows per side, drawn with <paramref name="Seed"/> or read from <paramref name="IndicesFile"/>.</summary>
public sealed record KidReport(double Mean, double Std, int Subsets, int SubsetSize, int? Seed, string? IndicesFile);

/// <summary>Improved precision and recall (Kynkäänniemi et al.) with the k-th nearest neighbour's radius.</summary>
public sealed record PrecisionRecallReport(double Precision, double Recall, double FScore, int K);

/// <summary>The Inception Score of <paramref name="Count"/> rows of <paramref name="Classes"/> class probabilities from <paramref name="Source"/>.</summary>
public sealed record InceptionScoreReport(double Mean, double Std, int Splits, string Source, long Count, long Classes);
