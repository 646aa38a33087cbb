using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// One workload at one batch size through our binding, the C++ twin and the PyTorch twin, measured in
/// the same run with the same settings: wall-clock statistics (what the goals are read against) and
/// processor-time medians (robust to a shared machine).
/// </summary>
internal sealed record Comparison(
    Workload Workload, RunSettings Settings,
    StepStatistics Ours, StepStatistics Cpp, StepStatistics PyTorch,
    StepStatistics OursCpu, StepStatistics CppCpu, StepStatistics PyTorchCpu)
{
    public double Ratio => Ours.Median / Cpp.Median;
    public double MinRatio => Ours.Min / Cpp.Min;
    public double CpuRatio => OursCpu.Median / CppCpu.Median;
    public bool? MeetsGoal => Workload.Goal is double goal ? Ratio <= goal : null;

    public double PyTorchRatio => Ours.Median / PyTorch.Median;
    public double PyTorchMinRatio => Ours.Min / PyTorch.Min;
    public double PyTorchCpuRatio => OursCpu.Median / PyTorchCpu.Median;
    public bool? MeetsPyTorchGoal => Workload.PyTorchGoal is double goal ? PyTorchRatio <= goal : null;
}

internal static class SideBySide
{
    /// <summary>
    /// Alternates the three sides over several rounds (each warmed up afresh), so that a change in the
    /// machine's load during the run falls on all of them rather than on whichever side ran last.
    /// </summary>
    public static Comparison Measure(Workload workload, int batch, BenchmarkOptions options, Twin cpp, Twin pytorch, Action<string> log)
    {
        int rounds = options.Quick ? 1 : options.Rounds;
        // Below the tutorial's batch a step is cheaper: proportionally more steps keep each side's time.
        int scale = Math.Max(1, workload.Batch / batch);
        var settings = options.Quick
            ? new RunSettings(options.Threads, options.Device, options.Seed, batch, workload.QuickWarmup, workload.QuickSteps)
            : new RunSettings(options.Threads, options.Device, options.Seed, batch, workload.Warmup * scale, Math.Max(1, workload.Steps * scale / rounds));
        var (ours, cppTimes, pytorchTimes) = (new List<StepTimes>(), new List<StepTimes>(), new List<StepTimes>());
        for (int round = 1; round <= rounds; round++) {
            foreach (var (twin, times) in new[] { (cpp, cppTimes), (pytorch, pytorchTimes) }) {
                log($"  batch {batch}, round {round}/{rounds}: {twin.Name} {settings.Steps} steps");
                times.Add(twin.Run(workload.Number, settings));
            }
            log($"  batch {batch}, round {round}/{rounds}: ours {settings.Steps} steps");
            ours.Add(ManagedRunner.Run(workload, settings));
        }
        var (o, c, p) = (StepTimes.Concat(ours), StepTimes.Concat(cppTimes), StepTimes.Concat(pytorchTimes));
        return new(workload, settings,
            StepStatistics.Of(o.Seconds), StepStatistics.Of(c.Seconds), StepStatistics.Of(p.Seconds),
            StepStatistics.Of(o.CpuSeconds), StepStatistics.Of(c.CpuSeconds), StepStatistics.Of(p.CpuSeconds));
    }
}
