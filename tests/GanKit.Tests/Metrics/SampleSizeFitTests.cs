using GanKit.Metrics;
using static GanKit.Tests.Metrics.MetricGoldens;

namespace GanKit.Tests.Metrics;

/// <summary>FID∞ and IS∞ against mchong6/FID_IS_infinity's loop (np.random.seed, shuffle, first N, linear fit on 1/N).</summary>
public sealed class SampleSizeFitTests
{
    private static void AssertCurve(System.Text.Json.JsonElement golden, SampleSizeCurve curve, string what)
    {
        Assert.Equal(Longs(golden.GetProperty("sizes")), curve.Points.Select(p => p.N).ToArray());
        foreach (var (expected, actual) in Doubles(golden.GetProperty("values")).Zip(curve.Points.Select(p => p.Value)))
            Close(expected, actual, 1e-9, 0, what + " point");
        Close(golden.GetProperty("slope").GetDouble(), curve.Slope, 1e-7, 0, what + " slope");
        Close(golden.GetProperty("intercept").GetDouble(), curve.Intercept, 1e-7, 0, what + " intercept");
    }

    /// <summary>Default options on 2,100 fake samples: 15 points from MinN = 2,100 / 2 = 1,050 to all 2,100, seed 2020.</summary>
    [Fact]
    public void FidInfinityWithDefaultsMatchesTheOriginal()
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Section("fid_infinity").First();
        Assert.Equal((15, 1050, 2100, 2020), (golden.GetProperty("points").GetInt32(), golden.GetProperty("min_n").GetInt32(), golden.GetProperty("max_n").GetInt32(), golden.GetProperty("seed").GetInt32()));
        AssertCurve(golden, SampleSizeFit.FidInfinity(Instance.Array("d64/real"), Instance.Array("d64/fake")), "FID∞");
    }

    [Fact]
    public void FidInfinityWithOptionsMatchesTheOriginal()
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Section("fid_infinity").Last();
        var options = new SampleSizeOptions {
            Points = golden.GetProperty("points").GetInt32(), MinN = golden.GetProperty("min_n").GetInt64(),
            MaxN = golden.GetProperty("max_n").GetInt64(), Seed = golden.GetProperty("seed").GetInt32(),
        };
        AssertCurve(golden, SampleSizeFit.FidInfinity(Instance.Array("d64/real"), Instance.Array("d64/fake"), options), "FID∞ (options)");
    }

    [Fact]
    public void IsInfinityWithDefaultsMatchesTheOriginal()
    {
        using var scope = NewDisposeScope();
        var golden = Instance.Section("is_infinity").Single();
        AssertCurve(golden, SampleSizeFit.IsInfinity(Instance.Array(golden.GetProperty("probabilities").GetString()!)), "IS∞");
    }

    [Fact]
    public void TheLineThroughExactPointsIsRecovered()
    {
        double[] x = [1 / 5000.0, 1 / 7000.0, 1 / 9000.0, 1 / 11000.0];
        var (slope, intercept) = SampleSizeFit.FitLine(x, x.Select(v => 12.5 + 3000 * v).ToList());
        Close(3000, slope, 1e-10, 0, "slope");
        Close(12.5, intercept, 1e-12, 0, "intercept");
    }

    [Fact]
    public void SampleSizesAreNumpysTruncatedLinspace()
    {
        // np.linspace(1000, 2000, 7).astype('int32') = [1000, 1166, 1333, 1500, 1666, 1833, 2000]
        Assert.Equal([1000L, 1166, 1333, 1500, 1666, 1833, 2000], SampleSizeFit.SampleSizes(new SampleSizeOptions { Points = 7, MinN = 1000 }, 2000, "fake"));
        Assert.Equal(5000, SampleSizeFit.SampleSizes(new SampleSizeOptions(), 50_000, "fake")[0]);
    }

    [Fact]
    public void RefusesImpossibleSizes()
    {
        using var scope = NewDisposeScope();
        var real = Instance.Array("small/real");
        var fake = Instance.Array("small/fake");
        string Refusal(SampleSizeOptions options) => Assert.ThrowsAny<ArgumentException>(() => SampleSizeFit.FidInfinity(real, fake, options)).Message;
        Assert.Contains("MaxN = 26 is more than the 25 fake samples given", Refusal(new SampleSizeOptions { MaxN = 26 }));
        Assert.Contains("2 ≤ MinN < MaxN; got MinN = 25, MaxN = 25", Refusal(new SampleSizeOptions { MinN = 25 }));
        Assert.Contains("got MinN = 1, MaxN = 25", Refusal(new SampleSizeOptions { MinN = 1 }));
        Assert.Contains("at least 2 points", Refusal(new SampleSizeOptions { Points = 1 }));
        Assert.Contains("row 0 sums to", Assert.Throws<ArgumentException>(() => SampleSizeFit.IsInfinity(real.abs())).Message);
    }
}
