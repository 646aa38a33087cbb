using GanKit.Metrics;
using static GanKit.Tests.Metrics.MetricGoldens;

namespace GanKit.Tests.Metrics;

/// <summary>Improved precision/recall and the realism score against the original code's definitions on the golden features.</summary>
public sealed class PrecisionRecallTests
{
    public static TheoryData<string, long> Cases => new() {
        { "small", 1L << 24 },
        { "d64", 1L << 24 },
        { "d64", 100_000 }, // 47 rows per block: the blocked path, and blocks that end mid-way
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheOriginal(string name, long blockElements)
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Case("precision_recall", name);
        var before = PrecisionRecall.BlockElements;
        PrecisionRecall.BlockElements = blockElements;
        try {
            var result = PrecisionRecall.Compute(Instance.Array(golden.GetProperty("real").GetString()!), Instance.Array(golden.GetProperty("fake").GetString()!));
            // Counts over N: the decisions are exact (the script checks that none lies within round-off of its boundary).
            Assert.Equal(golden.GetProperty("precision").GetDouble(), result.Precision, 15);
            Assert.Equal(golden.GetProperty("recall").GetDouble(), result.Recall, 15);
            Close(golden.GetProperty("f_score").GetDouble(), result.FScore, 1e-14, 0, "F-score");
        } finally {
            PrecisionRecall.BlockElements = before;
        }
    }

    [Theory]
    [InlineData(50.0, 1L << 24)]
    [InlineData(null, 1L << 24)]
    [InlineData(50.0, 100_000)]
    public void RealismMatchesTheOriginal(double? prune, long blockElements)
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Section("realism").Single(e =>
            prune is null ? e.GetProperty("prune_percentile").ValueKind == System.Text.Json.JsonValueKind.Null : e.GetProperty("prune_percentile").ValueKind != System.Text.Json.JsonValueKind.Null);
        var before = PrecisionRecall.BlockElements;
        PrecisionRecall.BlockElements = blockElements;
        try {
            var real = Instance.Array(golden.GetProperty("real").GetString()!);
            var samples = Instance.Array(golden.GetProperty("samples").GetString()!);
            var scores = prune is null ? PrecisionRecall.RealismScores(real, samples, 3, null) : PrecisionRecall.RealismScores(real, samples);
            var expected = Instance.Array(golden.GetProperty("scores").GetString()!);
            Assert.Equal(expected.shape, scores.shape);
            double relative = ((scores - expected).abs() / expected.abs()).max().item<double>();
            Assert.True(relative < 1e-9, $"largest relative difference from the original's realism scores: {relative:G3}");
        } finally {
            PrecisionRecall.BlockElements = before;
        }
    }

    [Fact]
    public void ASetCoversItself()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("d64/real");
        var result = PrecisionRecall.Compute(real, real.clone(), k: 1);
        Assert.Equal((1.0, 1.0, 1.0), (result.Precision, result.Recall, result.FScore));
    }

    [Fact]
    public void DisjointSetsScoreZero()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("small/real");
        var result = PrecisionRecall.Compute(real, real + 1000);
        Assert.Equal((0.0, 0.0, 0.0), (result.Precision, result.Recall, result.FScore));
    }

    [Fact]
    public void RefusesBadNeighbourhoods()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("small/real");
        var fake = Instance.Array("small/fake");
        Assert.Contains("k = 25 nearest neighbours need more than k fake samples", Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(real, fake, k: 25)).Message);
        Assert.Contains("k = 30 nearest neighbours need more than k real samples", Assert.Throws<ArgumentException>(() => PrecisionRecall.RealismScores(real, fake, k: 30)).Message);
        Assert.Contains("at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => PrecisionRecall.Compute(real, fake, k: 0)).Message);
        Assert.Contains("between 0 and 100", Assert.Throws<ArgumentOutOfRangeException>(() => PrecisionRecall.RealismScores(real, fake, 3, 101)).Message);
        Assert.Contains("samples must be a 2-D tensor", Assert.Throws<ArgumentException>(() => PrecisionRecall.RealismScores(real, fake.flatten())).Message);
    }
}
