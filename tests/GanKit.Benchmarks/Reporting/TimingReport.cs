using System.Text;
using GanKit.Benchmarks.Timing;
using static GanKit.Benchmarks.Reporting.ResultsWriter;

namespace GanKit.Benchmarks.Reporting;

/// <summary>The side-by-side table: per workload, our and the C++ twin's step time, and the ratio read against the issue's goals.</summary>
internal static class TimingReport
{
    public static string Markdown(MachineInfo machine, IReadOnlyList<Comparison> results, bool quick)
    {
        var text = new StringBuilder(Header(quick ? "GAN step benchmark (quick smoke run: timings not meaningful)" : "GAN step benchmark: ours vs C++ libtorch", machine));
        text.AppendLine("| # | workload | ours median ms | C++ median ms | ours min ms | C++ min ms | spread ours / C++ | steps/s ours / C++ | ours / C++ median | ours / C++ min | ours / C++ CPU time | goal (median) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results) {
            string goal = r.Workload.Goal is double g ? $"≤ {Fixed(g, 2)} {(r.MeetsGoal == true ? "met" : "missed")}" : "none set";
            text.AppendLine(
                $"| {r.Workload.Number} | {r.Workload.Name}, batch {r.Settings.Batch} | {Milliseconds(r.Ours.Median)} | {Milliseconds(r.Cpp.Median)} | {Milliseconds(r.Ours.Min)} | {Milliseconds(r.Cpp.Min)} " +
                $"| {Percent(r.Ours.RelativeSpread)} / {Percent(r.Cpp.RelativeSpread)} | {Fixed(r.Ours.StepsPerSecond, 1)} / {Fixed(r.Cpp.StepsPerSecond, 1)} " +
                $"| {Fixed(r.Ratio, 3)} | {Fixed(r.MinRatio, 3)} | {Fixed(r.CpuRatio, 3)} | {goal} |");
        }
        text.AppendLine();
        text.AppendLine($"Steps timed per side: {string.Join(", ", results.Select(r => $"#{r.Workload.Number} {r.Ours.Steps}"))}. " +
                        "Spread is the interquartile range over the median. CPU time is the process's processor time per step (median), " +
                        "which waiting for a core shared with other programs does not inflate (cache contention still does). Both sides alternate over rounds in one run, same threads, seed and shapes.");
        return text.ToString();
    }

    private static string Percent(double fraction) => Fixed(fraction * 100, 1) + " %";

    public static object Json(MachineInfo machine, IReadOnlyList<Comparison> results, bool quick) => new {
        machine,
        quick,
        workloads = results.Select(r => new {
            number = r.Workload.Number,
            name = r.Workload.Name,
            batch = r.Settings.Batch,
            warmup = r.Settings.Warmup,
            bound = r.Workload.Bound.ToString().ToLowerInvariant(),
            goal = r.Workload.Goal,
            ours = r.Ours,
            cpp = r.Cpp,
            ours_cpu = r.OursCpu,
            cpp_cpu = r.CppCpu,
            ours_steps_per_second = r.Ours.StepsPerSecond,
            cpp_steps_per_second = r.Cpp.StepsPerSecond,
            ratio_median = r.Ratio,
            ratio_min = r.MinRatio,
            ratio_cpu = r.CpuRatio,
            meets_goal = r.MeetsGoal,
        }),
    };
}
