using System.Diagnostics;
using GanKit.Metrics;
using GanKit.Reproducibility;

namespace GanKit.Benchmarks.Timing;

/// <summary>One side's wall-clock and processor seconds per round.</summary>
internal sealed record SideTimes(List<double> Seconds, List<double> CpuSeconds)
{
    public SideTimes() : this([], []) { }
}

/// <summary>One metric on both sides: seconds per round (wall clock and processor time) and the value each side computed.</summary>
internal sealed record MetricTimes(string Name, double Goal, SideTimes OursTimes, SideTimes NumpyTimes, double OursValue, double NumpyValue)
{
    public StepStatistics Ours => StepStatistics.Of(OursTimes.Seconds);

    public StepStatistics Numpy => StepStatistics.Of(NumpyTimes.Seconds);

    /// <summary>Our best round over NumPy's best, read against <see cref="Goal"/> (at most), as every goal of the benchmark.</summary>
    public double Ratio => Ours.Min / Numpy.Min;

    /// <summary>Our median round over NumPy's.</summary>
    public double MedianRatio => Ours.Median / Numpy.Median;

    /// <summary>The same of the processor times, which other programs on the cores do not inflate.</summary>
    public double CpuRatio => StepStatistics.Of(OursTimes.CpuSeconds).Median / StepStatistics.Of(NumpyTimes.CpuSeconds).Median;

    public double RelativeDifference => Math.Abs(OursValue - NumpyValue) / Math.Abs(NumpyValue);
}

/// <summary>The metrics reading: FID and KID of the same seeded features, ours and the NumPy/SciPy references.</summary>
internal sealed record MetricsComparison(int Samples, int Dim, int KidSubsets, int KidSubsetSize, MetricTimes Fid, MetricTimes Kid, string Versions)
{
    /// <summary>Both sides must compute the same numbers to this relative difference, or the reading fails.</summary>
    public const double Agreement = 1e-6;
}

/// <summary>
/// Notebook 05's metrics, timed from feature matrices to the number: FID of two sets of N × D float64 features by
/// GanKit (<see cref="GanKit.Metrics.Fid"/>: Cholesky of Σ₁ = LLᵀ, eigvalsh of LᵀΣ₂L) and by pytorch-fid's route (np.cov,
/// scipy.linalg.sqrtm), goal ≤ 0.5×; KID with torch-fidelity's subsets (<see cref="GanKit.Metrics.Kid"/> against its
/// NumPy formula, python/metrics.py), goal ≤ 1.0×. The features are drawn from NumPy's RandomState on both sides (ours
/// through <see cref="NumpyRandomState"/>), so both compute on the same bits; rounds alternate between the sides. BLAS
/// and LAPACK run on one thread on both sides (our binding keeps OpenBLAS at one; the twin gets OPENBLAS_NUM_THREADS=1);
/// --threads sets libtorch's own threads on ours.
/// </summary>
internal static class MetricsReading
{
    public const double FidGoal = 0.5;
    public const double KidGoal = 1.0;

    public static MetricsComparison Measure(BenchmarkOptions options, Action<string> log)
    {
        var (n, d, subsets, subsetSize) = options.Quick ? (500, 64, 10, 100) : (10_000, 2048, 100, 1000);
        const int seed = 2020;
        var kidOptions = new KidOptions { Subsets = subsets, SubsetSize = subsetSize, Seed = seed };
        torch.set_num_threads(options.Threads);
        using var scope = torch.NewDisposeScope();
        var (real, fake) = Features(n, d, seed);
        // Warm-up on a corner of the features: JIT and first-call costs stay out of the rounds.
        var (realCorner, fakeCorner) = (real.narrow(0, 0, 200).narrow(1, 0, 32), fake.narrow(0, 0, 200).narrow(1, 0, 32));
        Fid.Compute(realCorner, fakeCorner);
        Kid.Compute(realCorner, fakeCorner, new KidOptions { Subsets = 1, SubsetSize = 100 });
        var (oursFid, oursKid, theirsFid, theirsKid) = (new SideTimes(), new SideTimes(), new SideTimes(), new SideTimes());
        double fidValue = 0, kidValue = 0, theirFid = 0, theirKid = 0;
        string versions = "";
        int rounds = options.Quick ? 1 : options.MetricRounds;
        for (int round = 1; round <= rounds; round++) {
            log($"  metrics, round {round}/{rounds}: NumPy/SciPy, FID of {n:N0} × {d} and KID {subsets} × {subsetSize}");
            using (var json = PythonScript.Run(options.Python, "metrics.py",
                       ["--samples", n.ToString(), "--dim", d.ToString(), "--kid-subsets", subsets.ToString(), "--kid-subset-size", subsetSize.ToString(), "--seed", seed.ToString()], options.Malloc,
                       "it needs Debian's python3-numpy and python3-scipy (bash scripts/setup.sh installs them)")) {
                var root = json.RootElement;
                theirFid = Record(root.GetProperty("fid"), theirsFid);
                theirKid = Record(root.GetProperty("kid"), theirsKid);
                versions = $"NumPy {root.GetProperty("numpy").GetString()}, SciPy {root.GetProperty("scipy").GetString()}";
            }
            log($"  metrics, round {round}/{rounds}: ours");
            fidValue = Timed(() => Fid.Compute(real, fake).Value, oursFid);
            kidValue = Timed(() => Kid.Compute(real, fake, kidOptions).Mean, oursKid);
        }
        var comparison = new MetricsComparison(n, d, subsets, subsetSize,
            new MetricTimes("FID", FidGoal, oursFid, theirsFid, fidValue, theirFid),
            new MetricTimes("KID", KidGoal, oursKid, theirsKid, kidValue, theirKid),
            versions);
        foreach (var metric in new[] { comparison.Fid, comparison.Kid }) {
            log($"  {metric.Name}: ours {metric.OursValue:R}, NumPy {metric.NumpyValue:R} (relative difference {metric.RelativeDifference:G3})");
            if (!(metric.RelativeDifference <= MetricsComparison.Agreement))
                throw new TwinException(
                    $"the metrics reading failed: {metric.Name} is {metric.OursValue:R} here and {metric.NumpyValue:R} in NumPy, " +
                    $"a relative difference of {metric.RelativeDifference:G3} (at most {MetricsComparison.Agreement:G1} allowed)");
        }
        return comparison;
    }

    private static double Timed(Func<double> metric, SideTimes times)
    {
        double cpu = ProcessorTime.ProcessSeconds();
        var clock = Stopwatch.StartNew();
        double value = metric();
        times.Seconds.Add(clock.Elapsed.TotalSeconds);
        times.CpuSeconds.Add(ProcessorTime.ProcessSeconds() - cpu);
        return value;
    }

    private static double Record(System.Text.Json.JsonElement reading, SideTimes times)
    {
        times.Seconds.Add(reading.GetProperty("seconds").GetDouble());
        times.CpuSeconds.Add(reading.GetProperty("cpu_seconds").GetDouble());
        return reading.GetProperty("value").GetDouble();
    }

    /// <summary>python/metrics.py's features, bit for bit: u1, u2 from RandomState(seed).random_sample, real = u1, fake = 0.6·u2 + 0.4·roll(u2, 1, axis=1) + 0.05.</summary>
    private static (Tensor Real, Tensor Fake) Features(int n, int d, int seed)
    {
        var random = new NumpyRandomState(seed);
        var u1 = new double[(long)n * d];
        var u2 = new double[(long)n * d];
        for (long i = 0; i < u1.LongLength; i++) u1[i] = random.NextDouble();
        for (long i = 0; i < u2.LongLength; i++) u2[i] = random.NextDouble();
        var fake = new double[u2.LongLength];
        for (long row = 0; row < n; row++) {
            for (int column = 0; column < d; column++) {
                long at = row * d;
                fake[at + column] = 0.6 * u2[at + column] + 0.4 * u2[at + (column + d - 1) % d] + 0.05;
            }
        }
        return (torch.tensor(u1, [n, d], torch.float64), torch.tensor(fake, [n, d], torch.float64));
    }
}
