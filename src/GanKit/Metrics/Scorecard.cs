using System.Globalization;
using GanKit.Display.Tables;
using GanKit.Metrics.Features;

namespace GanKit.Metrics;

/// <summary>The settings of every metric a <see cref="Scorecard"/> computes; the defaults are the reference libraries'.</summary>
public sealed record MetricOptions
{
    /// <summary>KID: subsets drawn from each side (torch-fidelity's 100).</summary>
    public int KidSubsets { get; init; } = 100;

    /// <summary>KID: samples per subset (torch-fidelity's 1,000); at most the smaller side's count.</summary>
    public int KidSubsetSize { get; init; } = 1000;

    /// <summary>KID: the seed of numpy's RandomState that draws the subsets (torch-fidelity's 2020).</summary>
    public int KidSeed { get; init; } = 2020;

    /// <summary>Precision and recall: the k-th nearest neighbour sets each point's radius (the paper's 3).</summary>
    public int Neighbours { get; init; } = 3;

    /// <summary>Inception Score: splits (the paper's 10).</summary>
    public int IsSplits { get; init; } = 10;

    /// <summary>Inception Score: the seed of the shuffle before splitting (torch-fidelity's 2020).</summary>
    public int IsSeed { get; init; } = 2020;

    public KidOptions Kid => new() { Subsets = KidSubsets, SubsetSize = KidSubsetSize, Seed = KidSeed };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"metrics: KID on {KidSubsets} subsets of {KidSubsetSize} (seed {KidSeed}), precision/recall with k = {Neighbours}, IS over {IsSplits} splits (seed {IsSeed})");
}

/// <summary>One generator's numbers against one real feature set (<see cref="Scorecard.Of"/>).</summary>
public sealed record Score(string Name, long Count, double Fid, double KidMean, double KidStd, double Precision, double Recall, double FScore,
    double? IsMean, double? IsStd, IReadOnlyList<string> Warnings)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Name}: N = {Count:N0}, FID {Fid:F3}, KID {KidMean:G4} ± {KidStd:G3}, precision {Precision:F3}, recall {Recall:F3}, F {FScore:F3}")
        + (IsMean is { } mean ? FormattableString.Invariant($", IS {mean:F3} ± {IsStd:F3}") : "")
        + string.Concat(Warnings.Select(w => $"; warning: {w}"));
}

/// <summary>
/// Every metric of notebook 05 for one generator in one call: FID, KID, precision, recall and F-score against the
/// real features, and the Inception Score when the generated side has class probabilities.
/// </summary>
public static class Scorecard
{
    public static Score Of(string name, ExtractedFeatures real, ExtractedFeatures generated, MetricOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(generated);
        options ??= new MetricOptions();
        var fid = Fid.Compute(real.Features, generated.Features);
        var kid = Kid.Compute(real.Features, generated.Features, options.Kid);
        var pr = PrecisionRecall.Compute(real.Features, generated.Features, options.Neighbours);
        var inception = generated.Probabilities is { } probabilities
            ? InceptionScore.FromProbabilities(probabilities, options.IsSplits, options.IsSeed)
            : null;
        return new Score(name, generated.Features.shape[0], fid.Value, kid.Mean, kid.Std, pr.Precision, pr.Recall, pr.FScore,
            inception?.Mean, inception?.Std, fid.Warnings);
    }

    /// <summary>The scores as one table, a row per generator.</summary>
    public static Table ToTable(IEnumerable<Score> scores, string? title = null)
    {
        var table = new Table("generator", "N", "FID", "KID", "KID std", "precision", "recall", "F-score", "IS", "IS std") { Title = title, NumberFormat = "G4" };
        foreach (var s in scores)
            table.AddRow(s.Name, s.Count, s.Fid, s.KidMean, s.KidStd, s.Precision, s.Recall, s.FScore, s.IsMean, s.IsStd);
        return table;
    }
}
