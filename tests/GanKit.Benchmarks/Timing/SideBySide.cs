using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// One workload through our binding and through the C++ twin, measured in the same run with the same
/// settings: wall-clock
/// statistics (what the goals are read against) and processor-time medians (robust to a shared machine).
/// </summary>
internal sealed record Comparison(Workload Workload, RunSettings Settings, StepStatistics Ours, StepStatistics Cpp, StepStatistics OursCpu, StepStatistics CppCpu)
{
    public double Ratio => Ours.Median / Cpp.Median;
    public double MinRatio => Ours.Min / Cpp.Min;
    public double CpuRatio => OursCpu.Median / CppCpu.Median;
    public bool? MeetsGoal => Workload.Goal is double goal ? Ratio <= goal : null;
}

internal static class SideBySide
{
    /// <summary>
    /// Alternates the two sides over several rounds (each warmed up afresh), so that a change in the
    /// machine's load during the run falls on both rather than on whichever side ran second.
    /// </summary>
    public static Comparison Measure(Workload workload, BenchmarkOptions options, Action<string> log)
    {
        int rounds = options.Quick ? 1 : options.Rounds;
        var settings = options.Quick
            ? new RunSettings(options.Threads, options.Device, options.Seed, workload.QuickBatch, workload.QuickWarmup, workload.QuickSteps)
            : new RunSettings(options.Threads, options.Device, options.Seed, workload.Batch, workload.Warmup, Math.Max(1, workload.Steps / rounds));
        var ours = new List<StepTimes>();
        var cpp = new List<StepTimes>();
        for (int round = 1; round <= rounds; round++) {
            log($"  round {round}/{rounds}: C++ {settings.Steps} steps");
            cpp.Add(CppTwin.Run(workload.Number, settings));
            log($"  round {round}/{rounds}: ours {settings.Steps} steps");
            ours.Add(ManagedRunner.Run(workload, settings));
        }
        var (o, c) = (StepTimes.Concat(ours), StepTimes.Concat(cpp));
        return new(workload, settings, StepStatistics.Of(o.Seconds), StepStatistics.Of(c.Seconds), StepStatistics.Of(o.CpuSeconds), StepStatistics.Of(c.CpuSeconds));
    }
}
