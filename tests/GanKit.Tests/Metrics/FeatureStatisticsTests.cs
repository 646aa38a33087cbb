using GanKit.Metrics;

namespace GanKit.Tests.Metrics;

/// <summary>Streamed and one-shot statistics against a direct centred computation (np.mean / np.cov's definition).</summary>
public sealed class FeatureStatisticsTests
{
    private static Tensor Features(long n, long d, double offset = 0, int seed = 3)
    {
        manual_seed(seed);
        return randn(n, d, ScalarType.Float64).mul(randn(1, d, ScalarType.Float64).abs()).add(offset);
    }

    /// <summary>Largest difference over the largest magnitude of <paramref name="expected"/>.</summary>
    private static double RelativeError(Tensor expected, Tensor actual) =>
        (actual - expected).abs().max().item<double>() / expected.abs().max().item<double>();

    [Fact]
    public void OfMatchesTheCentredDefinition()
    {
        using var scope = NewDisposeScope();
        var x = Features(300, 6);
        using var statistics = FeatureStatistics.Of(x);
        var mean = x.mean([0]);
        var centred = x - mean;
        var covariance = centred.t().mm(centred) / 299;
        Assert.Equal(300, statistics.Count);
        Assert.Equal(6, statistics.Dim);
        Assert.True(RelativeError(mean, statistics.Mean) < 1e-14);
        Assert.True(RelativeError(covariance, statistics.Covariance) < 1e-14);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(128)]
    [InlineData(1000)]
    public void StreamingDoesNotDependOnTheBatchSize(int batch)
    {
        using var scope = NewDisposeScope();
        var x = Features(1000, 9);
        using var whole = FeatureStatistics.Of(x);
        using var streamed = new FeatureStatistics(9);
        foreach (var part in x.split(batch)) streamed.Add(part);
        Assert.Equal(whole.Count, streamed.Count);
        Assert.True(RelativeError(whole.Mean, streamed.Mean) < 1e-13, $"mean, batch {batch}");
        Assert.True(RelativeError(whole.Covariance, streamed.Covariance) < 1e-12, $"covariance, batch {batch}");
    }

    /// <summary>Raw sums Σxxᵀ − Nμμᵀ would lose every digit here (values ~1e8, spread ~1); the pairwise merge keeps them.</summary>
    [Fact]
    public void ALargeMeanDoesNotCostPrecision()
    {
        using var scope = NewDisposeScope();
        var x = Features(2000, 4, offset: 1e8);
        var centred = x - x.mean([0]);
        var covariance = centred.t().mm(centred) / 1999;
        using var streamed = new FeatureStatistics(4);
        foreach (var part in x.split(64)) streamed.Add(part);
        Assert.True(RelativeError(covariance, streamed.Covariance) < 1e-7);
    }

    [Fact]
    public void TheCovarianceTensorIsRefreshedInPlace()
    {
        using var scope = NewDisposeScope();
        var x = Features(40, 3);
        using var statistics = FeatureStatistics.Of(x.narrow(0, 0, 20));
        var covariance = statistics.Covariance;
        var before = covariance.clone();
        statistics.Add(x.narrow(0, 20, 20));
        Assert.Same(covariance, statistics.Covariance);
        using var all = FeatureStatistics.Of(x);
        Assert.True(RelativeError(all.Covariance, covariance) < 1e-14);
        Assert.False(before.allclose(covariance));
    }

    [Fact]
    public void RefusesBadInput()
    {
        using var scope = NewDisposeScope();
        using var statistics = new FeatureStatistics(3);
        Assert.Contains("at least 2 samples; these statistics hold 0", Assert.Throws<InvalidOperationException>(() => statistics.Covariance).Message);
        Assert.Contains("4 features per row; these statistics hold 3-dimensional", Assert.Throws<ArgumentException>(() => statistics.Add(zeros(5, 4, ScalarType.Float64))).Message);
        Assert.Contains("2-D tensor [N, D]", Assert.Throws<ArgumentException>(() => statistics.Add(zeros(3, ScalarType.Float64))).Message);
        Assert.Contains("floating point", Assert.Throws<ArgumentException>(() => statistics.Add(zeros(2, 3, ScalarType.Int64))).Message);
        var bad = zeros(4, 3, ScalarType.Float64);
        bad[2, 1] = tensor(double.NaN);
        Assert.Contains("row 2 holds NaN", Assert.Throws<ArgumentException>(() => statistics.Add(bad)).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureStatistics(0)).Message);
    }
}
