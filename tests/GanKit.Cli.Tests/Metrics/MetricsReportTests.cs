using System.Text.Json.Nodes;
using GanKit.Cli.Metrics;

namespace GanKit.Cli.Tests.Metrics;

/// <summary>The report's table and JSON, from hand-built reports.</summary>
public sealed class MetricsReportTests
{
    private static MetricsReport Report(InceptionScoreReport? score = null) => new()
    {
        Real = new FeatureSide("/data/real.npy", "npy file", 10000, 2048),
        Fake = new FeatureSide("/data/samples", "images, Inception (inception-2015-12-05.pt) features", 5000, 2048),
        Fid = 23.456789123,
        Kid = new KidReport(0.0123456789, 0.000987654321, 100, 1000, 2020, null),
        PrecisionRecall = new PrecisionRecallReport(0.71, 0.6543, 0.68, 3),
        InceptionScore = score,
        Notes = ["a note"],
        Warnings = ["a warning", "another warning"],
        ElapsedSeconds = 83.27,
    };

    [Fact]
    public void The_table_aligns_its_columns_and_shows_every_value()
    {
        var text = MetricsReportText.Render(Report(new InceptionScoreReport(8.1234567, 0.1, 10, "/data/probs.npy", 5000, 1008)));
        var lines = text.Split('\n');

        var header = lines.Single(l => l.StartsWith("metric"));
        var valueColumn = header.IndexOf("value", StringComparison.Ordinal);
        var stdColumn = header.IndexOf("std", StringComparison.Ordinal);
        var rows = lines.SkipWhile(l => l != header).Skip(2).TakeWhile(l => l.Length > 0).ToArray();
        Assert.Equal(["FID", "KID", "precision", "recall", "F-score", "IS"], rows.Select(r => r.Split(' ')[0]));
        // Numbers right-aligned: each ends on the value column's last character.
        var valueEnd = stdColumn - 2;
        Assert.All(rows, r => Assert.True(r[valueEnd - 1] != ' ' && (r.Length == valueEnd || r[valueEnd] == ' '), r));
        Assert.Contains("23.4568", rows[0]);
        Assert.Contains("0.0123457", rows[1]);
        Assert.Equal("0.000987654", rows[1].Substring(stdColumn).Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.EndsWith("100 subsets of 1000, seed 2020", rows[1]);
        Assert.EndsWith("k = 3", rows[2]);
        Assert.EndsWith("10 splits of 5000 × 1008 probabilities from /data/probs.npy", rows[5]);

        var sides = lines.TakeWhile(l => l.Length > 0).ToArray();
        var fakeColumn = sides[0].IndexOf("fake", StringComparison.Ordinal);
        Assert.Equal("npy file", sides.Single(l => l.StartsWith("features"))[..fakeColumn].Split("  ", 2)[1].Trim());
        Assert.Equal(["samples", "10000", "5000"], sides.Single(l => l.StartsWith("samples")).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("note: a note\nwarning: a warning\nwarning: another warning\n", text);
        Assert.EndsWith("elapsed: 83.3 s\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Without_probabilities_the_inception_score_is_marked_not_computed()
    {
        var text = MetricsReportText.Render(Report());
        var row = text.Split('\n').Single(l => l.StartsWith("IS "));
        Assert.EndsWith("not computed: no class probabilities (--probs)", row);
    }

    [Fact]
    public void Json_has_stable_snake_case_keys_each_always_present()
    {
        string[] keys =
        [
            "frechet_inception_distance", "kernel_inception_distance_mean", "kernel_inception_distance_std",
            "precision", "recall", "f_score", "inception_score_mean", "inception_score_std",
            "kid_subsets", "kid_subset_size", "kid_seed", "kid_indices_file", "prc_neighborhood", "isc_splits",
            "real", "fake", "probabilities", "notes", "warnings", "elapsed_seconds",
        ];
        var without = JsonNode.Parse(MetricsReportJson.Serialize(Report()))!.AsObject();
        var with = JsonNode.Parse(MetricsReportJson.Serialize(Report(new InceptionScoreReport(8.5, 0.25, 10, "/p.npy", 5000, 1008))))!.AsObject();
        Assert.Equal(keys, without.Select(p => p.Key));
        Assert.Equal(keys, with.Select(p => p.Key));
        Assert.Equal(["path", "source", "count", "dimensions"], without["fake"]!.AsObject().Select(p => p.Key));

        Assert.Equal(23.456789123, (double)without["frechet_inception_distance"]!); // full precision, not the table's
        Assert.Equal(0.000987654321, (double)without["kernel_inception_distance_std"]!);
        Assert.Null(without["inception_score_mean"]);
        Assert.Null(without["probabilities"]);
        Assert.Equal(8.5, (double)with["inception_score_mean"]!);
        Assert.Equal(1008, (long)with["probabilities"]!["classes"]!);
        Assert.Equal(["a warning", "another warning"], without["warnings"]!.AsArray().Select(w => (string)w!));
        Assert.Equal("images, Inception (inception-2015-12-05.pt) features", (string)without["fake"]!["source"]!);
    }

    [Fact]
    public void A_metric_that_is_not_a_number_is_still_written()
    {
        var json = MetricsReportJson.Serialize(Report() with { Fid = double.NaN });
        Assert.Contains("\"frechet_inception_distance\": \"NaN\"", json);
    }
}
