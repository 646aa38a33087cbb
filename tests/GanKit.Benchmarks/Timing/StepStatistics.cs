namespace GanKit.Benchmarks.Timing;

/// <summary>Summary of per-step seconds: the median is the headline, min the best case, IQR/median the spread.</summary>
internal sealed record StepStatistics(int Steps, double Median, double Min, double Max, double Q1, double Q3)
{
    public double StepsPerSecond => 1 / Median;

    /// <summary>Interquartile range relative to the median: robust to the odd GC pause or preempted step.</summary>
    public double RelativeSpread => (Q3 - Q1) / Median;

    public static StepStatistics Of(IReadOnlyCollection<double> seconds)
    {
        if (seconds.Count == 0) throw new ArgumentException("no steps were timed", nameof(seconds));
        var sorted = seconds.Order().ToArray();
        return new(sorted.Length, Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    // Linear interpolation between order statistics (NumPy's default), so small samples still give sensible quartiles.
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
