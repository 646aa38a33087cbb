using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Timing;

/// <summary>Per-step seconds of one workload through our binding and through the C++ twin, measured in the same run.</summary>
internal sealed record Comparison(Workload Workload, StepStatistics Ours, StepStatistics Cpp)
{
    public double Ratio => Ours.Median / Cpp.Median;
    public double MinRatio => Ours.Min / Cpp.Min;
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
        int steps = Math.Max(1, (options.Quick ? workload.QuickSteps : workload.Steps) / rounds);
        var settings = new RunSettings(options.Threads, options.Device, options.Seed, options.Quick ? workload.QuickWarmup : workload.Warmup, steps);
        var ours = new List<double>();
        var cpp = new List<double>();
        for (int round = 1; round <= rounds; round++) {
            log($"  round {round}/{rounds}: C++ {settings.Steps} steps");
            cpp.AddRange(CppTwin.Run(workload.Number, settings));
            log($"  round {round}/{rounds}: ours {settings.Steps} steps");
            ours.AddRange(ManagedRunner.Run(workload, settings));
        }
        return new(workload, StepStatistics.Of(ours), StepStatistics.Of(cpp));
    }
}
