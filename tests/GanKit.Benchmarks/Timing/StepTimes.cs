namespace GanKit.Benchmarks.Timing;

/// <summary>Per-step wall-clock seconds, process processor seconds and minor page faults of one side of a measurement.</summary>
internal sealed record StepTimes(double[] Seconds, double[] CpuSeconds, double[] MinorFaults)
{
    public static StepTimes Concat(IEnumerable<StepTimes> rounds) =>
        new(rounds.SelectMany(r => r.Seconds).ToArray(), rounds.SelectMany(r => r.CpuSeconds).ToArray(),
            rounds.SelectMany(r => r.MinorFaults).ToArray());
}
