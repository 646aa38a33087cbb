using GanKit.Metrics;
using GanKit.Reproducibility;
using static GanKit.Tests.Metrics.MetricGoldens;

namespace GanKit.Tests.Metrics;

/// <summary>KID against torch-fidelity's kid_features_to_metric (its subsets, kernel and unbiased MMD²) on the golden features.</summary>
public sealed class KidTests
{
    public static TheoryData<string> Cases => new() { "small", "rank_deficient", "identical", "d64" };

    private static (Tensor Real, Tensor Fake, KidOptions Options) Inputs(System.Text.Json.JsonElement golden) => (
        Instance.Array(golden.GetProperty("real").GetString()!),
        Instance.Array(golden.GetProperty("fake").GetString()!),
        new KidOptions {
            Subsets = golden.GetProperty("subsets").GetInt32(),
            SubsetSize = golden.GetProperty("subset_size").GetInt32(),
            Seed = golden.GetProperty("seed").GetInt32(),
        });

    /// <summary>d64 is torch-fidelity's default run (100 subsets of 1,000, seed 2020), so it runs with our defaults.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTorchFidelity(string name)
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Case("kid", name);
        var (real, fake, options) = Inputs(golden);
        bool defaults = options == new KidOptions();
        Assert.Equal(name == "d64", defaults);
        var result = defaults ? Kid.Compute(real, fake) : Kid.Compute(real, fake, options);
        var expected = Doubles(golden.GetProperty("per_subset"));
        Assert.Equal(expected.Length, result.PerSubset.Count);
        for (int s = 0; s < expected.Length; s++) Close(expected[s], result.PerSubset[s], 1e-9, 1e-12, $"{name} subset {s}");
        Close(golden.GetProperty("mean").GetDouble(), result.Mean, 1e-9, 1e-12, $"{name} KID mean");
        Close(golden.GetProperty("std").GetDouble(), result.Std, 1e-9, 1e-12, $"{name} KID std");
    }

    /// <summary>The subsets are torch-fidelity's rows: RandomState(seed).choice for the real side, then the fake side.</summary>
    [Fact]
    public void ExplicitIndicesOfTheDrawnRowsGiveTheSameEstimate()
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Case("kid", "d64");
        var (real, fake, _) = Inputs(golden);
        var rows = (Longs(golden.GetProperty("first_subset_real")), Longs(golden.GetProperty("first_subset_fake")));
        var drawn = new NumpyRandomState(2020);
        Assert.Equal(rows.Item1, drawn.choice(2000, 1000));
        Assert.Equal(rows.Item2, drawn.choice(2100, 1000));
        var result = Kid.Compute(real, fake, new KidOptions { Indices = [rows] });
        Close(Doubles(golden.GetProperty("per_subset"))[0], Assert.Single(result.PerSubset), 1e-9, 0, "first subset");
        Assert.Equal(0, result.Std);
    }

    [Fact]
    public void RefusesBadSubsets()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("small/real");
        var fake = Instance.Array("small/fake");
        string Refusal(KidOptions options) => Assert.ThrowsAny<ArgumentException>(() => Kid.Compute(real, fake, options)).Message;
        Assert.Contains("subset size 26 is larger than the samples available (real: 30, fake: 25)", Refusal(new KidOptions { SubsetSize = 26 }));
        Assert.Contains("SubsetSize must be at least 2", Refusal(new KidOptions { SubsetSize = 1 }));
        Assert.Contains("at least 1 subset", Refusal(new KidOptions { Subsets = 0, SubsetSize = 10 }));
        Assert.Contains("Indices is empty", Refusal(new KidOptions { SubsetSize = 3, Indices = [] }));
        Assert.Contains("Indices[0].Fake holds 2 rows; every subset must hold SubsetSize = 3",
            Refusal(new KidOptions { SubsetSize = 3, Indices = [([0, 1, 2], [0, 1])] }));
        Assert.Contains("Indices[1].Real: row 30 is outside the 30 real samples",
            Refusal(new KidOptions { SubsetSize = 3, Indices = [([0, 1, 2], [0, 1, 2]), ([0, 1, 30], [0, 1, 2])] }));
        Assert.Contains("Indices[0].Fake: row 1 appears twice",
            Refusal(new KidOptions { SubsetSize = 3, Indices = [([0, 1, 2], [1, 1, 2])] }));
        Assert.Contains("differ in dimension: 4 vs 2", Assert.Throws<ArgumentException>(() => Kid.Compute(real, fake.narrow(1, 0, 2))).Message);
    }
}
