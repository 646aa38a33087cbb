using System.Globalization;
using System.Text;
using GanKit.Display.Tables;

namespace GanKit.Cli.Metrics;

/// <summary>The report for the terminal: the two sides, then the metrics, as aligned plain-text tables.</summary>
public static class MetricsReportText
{
    public static string Render(MetricsReport report)
    {
        // Counts as text: left-aligned under their side, not pushed to the end of a long path's column.
        var sides = new Table("", "real", "fake")
            .AddRow("samples", Count(report.Real.Count), Count(report.Fake.Count))
            .AddRow("dimensions", Count(report.Real.Dimensions), Count(report.Fake.Dimensions))
            .AddRow("features", report.Real.Source, report.Fake.Source)
            .AddRow("path", report.Real.Path, report.Fake.Path);

        var kid = report.Kid;
        var subsets = kid.IndicesFile is null
            ? $"{kid.Subsets} subsets of {kid.SubsetSize}, seed {kid.Seed}"
            : $"{kid.Subsets} subsets of {kid.SubsetSize} from {kid.IndicesFile}";
        var prc = report.PrecisionRecall;
        var metrics = new Table("metric", "value", "std", "settings") { NumberFormat = "G6" }
            .AddRow("FID", report.Fid, null, null)
            .AddRow("KID", kid.Mean, kid.Std, subsets)
            .AddRow("precision", prc.Precision, null, $"k = {prc.K}")
            .AddRow("recall", prc.Recall, null, $"k = {prc.K}")
            .AddRow("F-score", prc.FScore, null, null);
        if (report.InceptionScore is { } score)
            metrics.AddRow("IS", score.Mean, score.Std, $"{score.Splits} splits of {score.Count} × {score.Classes} probabilities from {score.Source}");
        else
            metrics.AddRow("IS", null, null, "not computed: no class probabilities (--probs)");

        var text = new StringBuilder();
        text.AppendLine(sides.ToString()).AppendLine();
        text.AppendLine(metrics.ToString());
        if (report.Notes.Count > 0 || report.Warnings.Count > 0) text.AppendLine();
        foreach (var note in report.Notes) text.AppendLine($"note: {note}");
        foreach (var warning in report.Warnings) text.AppendLine($"warning: {warning}");
        text.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture, $"elapsed: {report.ElapsedSeconds:0.0} s"));
        return text.ToString();
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
