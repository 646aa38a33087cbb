using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Timing;

/// <summary>One side's steps over all rounds: wall-clock seconds, process processor seconds and minor page faults.</summary>
internal sealed record SideStatistics(StepStatistics Wall, StepStatistics Cpu, FaultCounts Faults)
{
    public static SideStatistics Of(StepTimes times) =>
        new(StepStatistics.Of(times.Seconds), StepStatistics.Of(times.CpuSeconds), FaultCounts.Of(times.MinorFaults));
}

/// <summary>Minor page faults per step: median, mean (a fault storm every few steps shows here) and maximum.</summary>
internal sealed record FaultCounts(double Median, double Mean, double Max)
{
    public static FaultCounts Of(IReadOnlyCollection<double> faults)
    {
        var sorted = faults.Order().ToArray();
        return new(StepStatistics.Of(sorted).Median, sorted.Average(), sorted[^1]);
    }
}

/// <summary>
/// One workload at one batch size through our binding, the C++ twin and the PyTorch twin, measured in
/// the same run with the same settings. The goals are read on the ratio of the minima: on a shared VM
/// the medians of back-to-back runs moved by up to 60 % while each run's minimum stayed within 1–2 %
/// (README.md, "Which reading the goals use").
/// </summary>
internal sealed record Comparison(Workload Workload, RunSettings Settings, SideStatistics Ours, SideStatistics Cpp, SideStatistics PyTorch,
    IReadOnlyList<PeerSide> Peers)
{
    public double Ratio => Ours.Wall.Median / Cpp.Wall.Median;
    public double MinRatio => Ours.Wall.Min / Cpp.Wall.Min;
    public double CpuRatio => Ours.Cpu.Median / Cpp.Cpu.Median;
    public bool? MeetsGoal => Workload.Goal is double goal ? MinRatio <= goal : null;

    public double PyTorchRatio => Ours.Wall.Median / PyTorch.Wall.Median;
    public double PyTorchMinRatio => Ours.Wall.Min / PyTorch.Wall.Min;
    public double PyTorchCpuRatio => Ours.Cpu.Median / PyTorch.Cpu.Median;
    public bool? MeetsPyTorchGoal => Workload.PyTorchGoal is double goal ? PyTorchMinRatio <= goal : null;
}

/// <summary>One more side of a comparison (--peers): a torch in the Debian 13 root (<see cref="Peers"/> names them).</summary>
internal sealed record PeerSide(string Name, SideStatistics Side);

/// <summary>The peers a --peers run measures, and the ratios its report reads.</summary>
internal static class Peers
{
    public const string Official = "official TorchSharp";
    public const string OursOnLibtorch26 = "ours on libtorch 2.6";
    public const string CppOnLibtorch26 = "C++ on libtorch 2.6";

    public static IReadOnlyList<Twin> All() =>
        [Twin.InDebian13(Official, "official"), Twin.InDebian13(OursOnLibtorch26, "binding"), Twin.InDebian13(CppOnLibtorch26, "binding", cpp: true)];

    /// <summary>The ratio of the two sides' minimum step times (the goals' reading), or null when a side was not measured.</summary>
    public static double? MinRatio(Comparison r, string numerator, string denominator) =>
        (Find(r, numerator), Find(r, denominator)) is ({ } a, { } b) ? a.Wall.Min / b.Wall.Min : null;

    public static double? MedianRatio(Comparison r, string numerator, string denominator) =>
        (Find(r, numerator), Find(r, denominator)) is ({ } a, { } b) ? a.Wall.Median / b.Wall.Median : null;

    private static SideStatistics? Find(Comparison r, string name) =>
        name == "ours" ? r.Ours : r.Peers.FirstOrDefault(p => p.Name == name)?.Side;
}

internal static class SideBySide
{
    /// <summary>
    /// Alternates the three sides over several rounds (each warmed up afresh), so that a change in the
    /// machine's load during the run falls on all of them rather than on whichever side ran last.
    /// </summary>
    public static Comparison Measure(Workload workload, int batch, BenchmarkOptions options, Twin cpp, Twin pytorch,
        IReadOnlyList<Twin> peers, Action<string> log)
    {
        int rounds = options.Quick ? 1 : options.Rounds;
        // Below the tutorial's batch a step is cheaper: proportionally more steps keep each side's time.
        int scale = Math.Max(1, workload.Batch / batch);
        var settings = options.Quick
            ? new RunSettings(options.Threads, options.Device, options.Seed, batch, workload.QuickWarmup, workload.QuickSteps, options.Malloc)
            : new RunSettings(options.Threads, options.Device, options.Seed, batch, workload.Warmup * scale, Math.Max(1, workload.Steps * scale / rounds), options.Malloc);
        var (ours, cppTimes, pytorchTimes) = (new List<StepTimes>(), new List<StepTimes>(), new List<StepTimes>());
        var peerTimes = peers.Select(_ => new List<StepTimes>()).ToArray();
        for (int round = 1; round <= rounds; round++) {
            foreach (var (twin, times) in peers.Zip(peerTimes).Prepend((pytorch, pytorchTimes)).Prepend((cpp, cppTimes))) {
                log($"  batch {batch}, round {round}/{rounds}: {twin.Name} {settings.Steps} steps");
                times.Add(twin.Run(workload.Number, settings));
            }
            log($"  batch {batch}, round {round}/{rounds}: ours {settings.Steps} steps");
            ours.Add(ManagedRunner.Run(workload, settings));
        }
        return new(workload, settings,
            SideStatistics.Of(StepTimes.Concat(ours)), SideStatistics.Of(StepTimes.Concat(cppTimes)), SideStatistics.Of(StepTimes.Concat(pytorchTimes)),
            peers.Zip(peerTimes, (twin, times) => new PeerSide(twin.Name, SideStatistics.Of(StepTimes.Concat(times)))).ToList());
    }
}
