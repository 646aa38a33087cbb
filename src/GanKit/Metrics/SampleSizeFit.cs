using GanKit.Reproducibility;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Where the sample sizes of an FID∞ / IS∞ fit lie: <see cref="Points"/> sizes evenly spaced from <see cref="MinN"/> to
/// <see cref="MaxN"/> (NumPy's <c>linspace(...).astype('int32')</c>, so truncated). Defaults: MaxN = every sample given
/// (every fake sample for FID∞); MinN = the original's 5,000, or MaxN / 2 when that is smaller (fewer than 10,000
/// samples), so that 1/N still spans a factor of 2. <see cref="Seed"/> seeds the NumPy RandomState that shuffles the
/// samples before each point, as <c>np.random.seed(Seed)</c> would before the original's loop.
/// </summary>
public sealed record SampleSizeOptions
{
    public int Points { get; init; } = 15;
    public long? MinN { get; init; }
    public long? MaxN { get; init; }
    public int Seed { get; init; } = 2020;
}

/// <summary>The value at each sample size, and the least-squares line value ≈ Intercept + Slope / N; the intercept is FID∞ or IS∞.</summary>
public sealed record SampleSizeCurve(IReadOnlyList<(long N, double Value)> Points, double Slope, double Intercept);

/// <summary>
/// Effectively unbiased FID∞ and IS∞ (Chong &amp; Forsyth 2020, <c>score_infinity.py</c> of mchong6/FID_IS_infinity):
/// the metric at several sample sizes N, each time on the first N samples after shuffling them again (in place, one
/// NumPy generator for the whole run, as the original's <c>np.random.shuffle</c>), then a least-squares line of the
/// value on 1/N whose intercept (1/N → 0) is reported. FID∞ compares each fake subset with the statistics of all real
/// features; IS∞ scores each subset as one split. Used in notebook 05.
/// </summary>
public static class SampleSizeFit
{
    /// <summary>The original's smallest sample size (<c>min_fake</c>).</summary>
    public const long OriginalMinN = 5000;

    /// <summary>FID∞ of fake against real features [N, D].</summary>
    public static SampleSizeCurve FidInfinity(Tensor real, Tensor fake, SampleSizeOptions? options = null)
    {
        options ??= new SampleSizeOptions();
        using var scope = NewDisposeScope();
        var (x, y) = FeatureMatrix.CheckedPair(real, fake, 2);
        using var realStatistics = FeatureStatistics.OfChecked(x);
        using var realRoot = new CovarianceRoot(realStatistics.Covariance);
        return Fit(options, y.shape[0], "fake", y.device, rows => {
            using var fakeStatistics = FeatureStatistics.OfChecked(y.index_select(0, rows));
            return Fid.Compute(realStatistics, realRoot, fakeStatistics).Value;
        });
    }

    /// <summary>IS∞ of class probabilities [N, C] (rows non-negative and summing to 1, as for <see cref="InceptionScore.FromProbabilities"/>).</summary>
    public static SampleSizeCurve IsInfinity(Tensor probabilities, SampleSizeOptions? options = null)
    {
        options ??= new SampleSizeOptions();
        using var scope = NewDisposeScope();
        var p = FeatureMatrix.Checked(probabilities, nameof(probabilities), 2, "probabilities");
        InceptionScore.CheckProbabilities(p);
        var logP = p.log();
        return Fit(options, p.shape[0], "probability", p.device, rows =>
            InceptionScore.Score(p.index_select(0, rows), logP.index_select(0, rows), splits: 1, shuffleSeed: null).Mean);
    }

    /// <summary>The sample sizes, NumPy's <c>linspace(min, max, points).astype('int32')</c>.</summary>
    internal static long[] SampleSizes(SampleSizeOptions options, long available, string side)
    {
        long max = options.MaxN ?? available;
        long min = options.MinN ?? Math.Min(OriginalMinN, max / 2);
        if (options.Points < 2)
            throw new ArgumentOutOfRangeException(nameof(options), options.Points, "A line through the sample sizes needs at least 2 points.");
        if (max > available)
            throw new ArgumentException($"SampleSizeOptions.MaxN = {max} is more than the {available} {side} samples given.", nameof(options));
        if (min < 2 || min >= max)
            throw new ArgumentException(
                $"The sample sizes must satisfy 2 ≤ MinN < MaxN; got MinN = {min}, MaxN = {max} ({available} {side} samples given).", nameof(options));
        double step = (double)(max - min) / (options.Points - 1);
        var sizes = new long[options.Points];
        for (int i = 0; i < sizes.Length; i++) sizes[i] = i == sizes.Length - 1 ? max : (long)(i * step + min);
        return sizes;
    }

    /// <summary>The least-squares line y = intercept + slope·x (what scikit-learn's LinearRegression fits).</summary>
    internal static (double Slope, double Intercept) FitLine(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double meanX = x.Average(), meanY = y.Average();
        double covariance = 0, variance = 0;
        for (int i = 0; i < x.Count; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }
        double slope = covariance / variance;
        return (slope, meanY - slope * meanX);
    }

    private static SampleSizeCurve Fit(SampleSizeOptions options, long available, string side, Device device, Func<Tensor, double> valueOf)
    {
        var sizes = SampleSizes(options, available, side);
        var random = new NumpyRandomState(options.Seed);
        var order = new long[available];
        for (long i = 0; i < available; i++) order[i] = i;
        var points = new List<(long N, double Value)>();
        foreach (long n in sizes) {
            using var scope = NewDisposeScope();
            random.shuffle(order.AsSpan());
            points.Add((n, valueOf(tensor(order[..(int)n], device: device))));
        }
        var (slope, intercept) = FitLine(points.Select(p => 1.0 / p.N).ToList(), points.Select(p => p.Value).ToList());
        return new SampleSizeCurve(points, slope, intercept);
    }
}
