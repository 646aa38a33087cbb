using System.Globalization;
using GanKit.Display.Tables;

namespace GanKit.Metrics.Classification;

/// <summary>
/// What a real-data classifier makes of an unconditional generator's images (<see cref="ClassCoverage"/>): how many of
/// the <paramref name="Total"/> images it assigns to each class (<paramref name="Counts"/>), and how many of those with
/// a probability of at least <paramref name="Confidence"/> (<paramref name="ConfidentCounts"/>). Not GAN-test: the
/// images have no intended class, so nothing here is an accuracy.
/// </summary>
public sealed record ClassCoverageResult(IReadOnlyList<string> ClassNames, IReadOnlyList<long> Counts, IReadOnlyList<long> ConfidentCounts, long Total, double Confidence)
{
    /// <summary>Each class's share of the images, in [0, 1]; an even generator gives 1 / classes each.</summary>
    public IReadOnlyList<double> Shares => Counts.Select(count => count / (double)Total).ToList();

    /// <summary>The share of the images classified with a probability of at least <see cref="Confidence"/>.</summary>
    public double ConfidentShare => ConfidentCounts.Sum() / (double)Total;

    /// <summary>
    /// The total variation distance between <see cref="Shares"/> and equal shares, ½ Σ |share − 1/classes|: 0 when every
    /// class gets as many images, 1 − 1/classes when all images fall in one class (full mode collapse).
    /// </summary>
    public double DistanceFromUniform => Shares.Sum(share => Math.Abs(share - 1.0 / ClassNames.Count)) / 2;

    /// <summary>One row per class (class, images, share, confidently classified), the totals in the title.</summary>
    public Table ToTable()
    {
        var table = new Table("class", "images", "share", $"p ≥ {Confidence:G3}") { Title = ToString() };
        var shares = Shares;
        for (var c = 0; c < ClassNames.Count; c++) table.AddRow(ClassNames[c], Counts[c], shares[c], ConfidentCounts[c]);
        return table;
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "Predicted classes of {0:N0} images: shares {1:P1} to {2:P1} (even: {3:P1}; distance from even {4:F3}); {5:P1} classified with p ≥ {6:G3}",
        Total, Shares.Min(), Shares.Max(), 1.0 / ClassNames.Count, DistanceFromUniform, ConfidentShare, Confidence);
}
