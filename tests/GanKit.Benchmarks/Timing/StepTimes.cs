namespace GanKit.Benchmarks.Timing;

/// <summary>Per-step wall-clock and process processor seconds of one side of a measurement.</summary>
internal sealed record StepTimes(double[] Seconds, double[] CpuSeconds)
{
    public static StepTimes Concat(IEnumerable<StepTimes> rounds) =>
        new(rounds.SelectMany(r => r.Seconds).ToArray(), rounds.SelectMany(r => r.CpuSeconds).ToArray());
}
