using GanKit.Metrics;
using static GanKit.Tests.Metrics.MetricGoldens;

namespace GanKit.Tests.Metrics;

/// <summary>The Inception score against torch-fidelity's isc_features_to_metric on golden logits (and their softmax).</summary>
public sealed class InceptionScoreTests
{
    public static TheoryData<int> Entries => [.. Enumerable.Range(0, Instance.Section("inception").Count())];

    [Theory]
    [MemberData(nameof(Entries))]
    public void MatchesTorchFidelity(int entry)
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Section("inception").ElementAt(entry);
        var input = Instance.Array(golden.GetProperty("input").GetString()!);
        int splits = golden.GetProperty("splits").GetInt32();
        int? seed = golden.GetProperty("seed").ValueKind == System.Text.Json.JsonValueKind.Null ? null : golden.GetProperty("seed").GetInt32();
        var result = golden.GetProperty("kind").GetString() == "logits"
            ? InceptionScore.FromLogits(input, splits, seed)
            : InceptionScore.FromProbabilities(input, splits, seed);
        string what = $"{golden.GetProperty("kind").GetString()}, {splits} splits, seed {seed?.ToString() ?? "none"}";
        Assert.Equal(Doubles(golden.GetProperty("per_split")).Length, result.PerSplit.Count);
        foreach (var (expected, actual) in Doubles(golden.GetProperty("per_split")).Zip(result.PerSplit))
            Close(expected, actual, 1e-12, 0, what + " split");
        Close(golden.GetProperty("mean").GetDouble(), result.Mean, 1e-12, 0, what + " mean");
        Close(golden.GetProperty("std").GetDouble(), result.Std, 1e-9, 1e-15, what + " std");
    }

    /// <summary>Every class equally likely in every row: p(y|x) = p(y), KL 0, IS 1. Confident and evenly spread over C classes: IS = C.</summary>
    [Fact]
    public void BoundsOfTheScore()
    {
        using var scope = NewDisposeScope();
        Close(1, InceptionScore.FromProbabilities(full(40, 8, 1.0 / 8, ScalarType.Float64)).Mean, 1e-14, 0, "uniform");
        var confident = eye(8, dtype: ScalarType.Float64).repeat(10, 1);
        var result = InceptionScore.FromProbabilities(confident, splits: 10, shuffleSeed: null);
        Close(8, result.Mean, 1e-14, 0, "one-hot over 8 classes");
        Assert.Equal(0, result.Std, 12);
    }

    [Fact]
    public void RefusesWhatIsNotADistribution()
    {
        using var scope = NewDisposeScope();
        var p = Instance.Array("is/probabilities");
        var negative = p.clone();
        negative[3, 4] = tensor(-0.01);
        Assert.Contains("must be non-negative; the smallest entry is -0.01", Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(negative)).Message);
        Assert.Contains("row 0 sums to 2, not 1", Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(p * 2)).Message);
        Assert.Contains("probabilities must be a 2-D tensor", Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(p.flatten())).Message);
        Assert.Contains("between 1 and the number of samples (503)", Assert.Throws<ArgumentOutOfRangeException>(() => InceptionScore.FromLogits(Instance.Array("is/logits"), splits: 504)).Message);
        var withNaN = Instance.Array("is/logits");
        withNaN[7, 0] = tensor(double.NaN);
        Assert.Contains("logits: row 7 holds NaN", Assert.Throws<ArgumentException>(() => InceptionScore.FromLogits(withNaN)).Message);
    }
}
