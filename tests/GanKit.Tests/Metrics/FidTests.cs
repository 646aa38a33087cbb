using GanKit.Metrics;
using static GanKit.Tests.Metrics.MetricGoldens;

namespace GanKit.Tests.Metrics;

/// <summary>FID against pytorch-fid's calculate_frechet_distance (scipy sqrtm) on the golden features, and its properties.</summary>
public sealed class FidTests
{
    public static TheoryData<string> Cases => new() { "small", "rank_deficient", "identical", "d64" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPytorchFid(string name)
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Case("fid", name);
        var real = Instance.Array(golden.GetProperty("real").GetString()!);
        var fake = Instance.Array(golden.GetProperty("fake").GetString()!);
        var result = Fid.Compute(real, fake);
        // Relative 1e-6; identical sets have FID 0, where both sides are round-off, so the bound there is 1e-12 of the trace term's scale.
        double traces = SquareTrace(real) + SquareTrace(fake);
        Close(golden.GetProperty("value").GetDouble(), result.Value, 1e-6, 1e-12 * traces, $"{name} FID");
        Close(golden.GetProperty("mean_term").GetDouble(), result.MeanTerm, 1e-6, 1e-12 * traces, $"{name} mean term");
        Close(golden.GetProperty("trace_term").GetDouble(), result.TraceTerm, 1e-6, 1e-12 * traces, $"{name} trace term");
        Assert.Equal(golden.GetProperty("regularized").GetBoolean(), result.Regularized);
    }

    /// <summary>Tr(Σ) of a feature set, the scale of FID's trace term.</summary>
    private static double SquareTrace(Tensor x)
    {
        using var statistics = FeatureStatistics.Of(x);
        return statistics.Covariance.mul(eye(x.shape[1], dtype: ScalarType.Float64)).sum().item<double>();
    }

    /// <summary>
    /// 700 features (blocks of the covariance and root products), against Tr((Σ₁Σ₂)^½) by the textbook symmetric route:
    /// √Σ₁ from eigh, the eigenvalues of √Σ₁Σ₂√Σ₁; and a rank-deficient side (N ≤ D), where Σ₁ has no Cholesky factor.
    /// There the ~200 zero eigenvalues come out as round-off of either sign, and √ of the positive ones (~1e-7 each)
    /// differs between any two routes: 1e-8 relative is that noise, not a looser check of the full-rank case.
    /// </summary>
    [Theory]
    [InlineData(1500, 1200)]
    [InlineData(500, 1200)]
    public void MatchesTheSymmetricRouteInManyDimensions(int realCount, int fakeCount)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var real = randn(realCount, 700, ScalarType.Float64).mm(randn(700, 700, ScalarType.Float64) / 30);
        var fake = randn(fakeCount, 700, ScalarType.Float64).mm(randn(700, 700, ScalarType.Float64) / 25) + 0.1;
        using var realStatistics = FeatureStatistics.Of(real);
        using var fakeStatistics = FeatureStatistics.Of(fake);
        var (values, vectors) = linalg.eigh(realStatistics.Covariance);
        var root = (vectors * values.clamp_min(0).sqrt()).mm(vectors.t());
        double sqrtTrace = linalg.eigvalsh(root.mm(fakeStatistics.Covariance).mm(root)).clamp_min(0).sqrt().sum().item<double>();
        var delta = real.mean([0]) - fake.mean([0]);
        double expected = delta.dot(delta).item<double>() + SquareTrace(real) + SquareTrace(fake) - 2 * sqrtTrace;
        var result = Fid.Compute(real, fake);
        Close(expected, result.Value, realCount > 700 ? 1e-10 : 1e-8, 0, $"FID of {realCount} and {fakeCount} samples in 700 dimensions");
        Assert.Equal(realCount <= 700, result.Warnings.Count == 1);
    }

    [Fact]
    public void IdenticalSetsAreAtDistanceZero()
    {
        using var scope = NewDisposeScope();
        var d64 = Instance.Array("d64/real");
        var result = Fid.Compute(d64, d64.clone());
        Assert.Equal(0, result.MeanTerm);
        Assert.True(Math.Abs(result.Value) < 1e-10 * SquareTrace(d64), $"FID of a set with itself: {result.Value:G3}");
        Assert.Empty(result.Warnings);
        Assert.False(result.Regularized);
    }

    /// <summary>Shifting every sample moves the mean, not the covariance: FID = ‖Δμ‖² exactly (Tr Σ + Tr Σ − 2 Tr Σ = 0).</summary>
    [Fact]
    public void EqualCovariancesLeaveTheSquaredMeanDistance()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("d64/real");
        var shift = linspace(-1, 2, 64, ScalarType.Float64);
        var result = Fid.Compute(real, real + shift);
        double expected = shift.dot(shift).item<double>();
        Close(expected, result.MeanTerm, 1e-12, 0, "mean term");
        Close(expected, result.Value, 1e-9, 0, "FID");
        Assert.True(Math.Abs(result.TraceTerm) < 1e-10 * SquareTrace(real));
    }

    [Fact]
    public void StatisticsGiveTheSameDistanceAsFeatures()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("d64/real");
        var fake = Instance.Array("d64/fake");
        using var realStatistics = new FeatureStatistics(64);
        foreach (var part in real.split(333)) realStatistics.Add(part);
        using var fakeStatistics = FeatureStatistics.Of(fake.to_type(ScalarType.Float32));
        var fromFeatures = Fid.Compute(real, fake);
        var fromStatistics = Fid.Compute(realStatistics, fakeStatistics);
        Close(fromFeatures.Value, fromStatistics.Value, 1e-12, 0, "FID from statistics");
    }

    [Fact]
    public void WarnsWhenTheCovarianceIsRankDeficient()
    {
        using var scope = NewDisposeScope();
        var result = Fid.Compute(Instance.Array("rank_deficient/real"), Instance.Array("rank_deficient/fake"));
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("real: 30 samples of 40 features (N ≤ D)", result.Warnings[0]);
        Assert.Contains("fake: 25 samples of 40 features (N ≤ D)", result.Warnings[1]);
        Assert.Empty(Fid.Compute(Instance.Array("small/real"), Instance.Array("small/fake")).Warnings);
    }

    /// <summary>
    /// Covariances ~1e14 of rank 29 in 40 dimensions: round-off leaves eigenvalues of √Σ₁Σ₂√Σ₁ around −1e12, whose
    /// square roots are imaginary parts far above 1e-3, where pytorch-fid raises "Imaginary component" too.
    /// </summary>
    [Fact]
    public void RaisesOnLargeImaginaryParts()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("rank_deficient/real") * 1e7;
        var fake = Instance.Array("rank_deficient/fake") * 1e7;
        var error = Assert.Throws<ArithmeticException>(() => Fid.Compute(real, fake));
        Assert.StartsWith("Imaginary component", error.Message);
    }

    /// <summary>Features so large (~1e145) that Σ₁Σ₂ overflows float64: refused with a clear message, not returned as NaN.</summary>
    [Theory]
    [InlineData(1e145)]
    [InlineData(1e160)]
    public void RefusesOverflowingFeatures(double scale)
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("small/real") * scale;
        var fake = Instance.Array("small/fake") * scale;
        Assert.Contains("too large for float64", Assert.Throws<ArithmeticException>(() => Fid.Compute(real, fake)).Message);
    }

    /// <summary>
    /// TTUR's retry: when the root is not finite (here a decomposition that failed, as LAPACK's non-convergence leaves
    /// it), ε = 1e-6 goes on both diagonals, a warning says so, the result is marked regularized, and its value is
    /// pytorch-fid's retried value (ε·I added to both covariances inside the root, the traces as they were).
    /// </summary>
    [Fact]
    public void RetriesWithEpsilonWhenTheRootFails()
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Case("fid", "d64");
        using var real = FeatureStatistics.Of(Instance.Array("d64/real"));
        using var fake = FeatureStatistics.Of(Instance.Array("d64/fake"));
        using var failed = new CovarianceRoot(full(64, 64, double.NaN, ScalarType.Float64));
        var result = Fid.Compute(real, failed, fake);
        Assert.True(result.Regularized);
        Assert.Equal("fid calculation produces singular product; adding 1E-06 to diagonal of cov estimates", Assert.Single(result.Warnings));
        Close(golden.GetProperty("value_with_epsilon").GetDouble(), result.Value, 1e-6, 0, "regularized FID");
    }

    [Fact]
    public void RefusesBadInput()
    {
        using var scope = NewDisposeScope();
        var good = Instance.Array("small/real");
        Assert.Contains("real features: at least 2 samples are needed; got 1", Assert.Throws<ArgumentException>(() => Fid.Compute(good.narrow(0, 0, 1), good)).Message);
        Assert.Contains("fake features: at least 2 samples are needed; got 1", Assert.Throws<ArgumentException>(() => Fid.Compute(good, good.narrow(0, 0, 1))).Message);
        Assert.Contains("differ in dimension: 4 vs 3", Assert.Throws<ArgumentException>(() => Fid.Compute(good, good.narrow(1, 0, 3))).Message);
        Assert.Contains("fake features must be a 2-D tensor [N, D]", Assert.Throws<ArgumentException>(() => Fid.Compute(good, good.unsqueeze(0))).Message);
        var withInfinity = good.clone();
        withInfinity[5, 2] = tensor(double.PositiveInfinity);
        Assert.Contains("real features: row 5 holds NaN or an infinite value", Assert.Throws<ArgumentException>(() => Fid.Compute(withInfinity, good)).Message);
        using var one = FeatureStatistics.Of(good.narrow(0, 0, 1));
        using var all = FeatureStatistics.Of(good);
        Assert.Contains("at least 2 fake samples for a covariance; got 1", Assert.Throws<ArgumentException>(() => Fid.Compute(all, one)).Message);
        Assert.Contains("at least 2 real samples for a covariance; got 1", Assert.Throws<ArgumentException>(() => Fid.Compute(one, all)).Message);
    }
}
