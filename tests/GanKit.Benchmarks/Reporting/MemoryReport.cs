using System.Text;
using GanKit.Benchmarks.Memory;
using static GanKit.Benchmarks.Reporting.ResultsWriter;

namespace GanKit.Benchmarks.Reporting;

/// <summary>Growth of resident memory and live tensors over a long run, read against the issue's bound.</summary>
internal static class MemoryReport
{
    public static string Markdown(MachineInfo machine, IReadOnlyList<MemoryTrace> traces)
    {
        var text = new StringBuilder(Header("Memory over long runs (our binding, a dispose scope per step)", machine));
        text.AppendLine("| # | workload | reading | warm-up steps | steps | resident at start MB | resident at end MB | peak MB | resident growth MB | live tensors start → end | gen-0 GCs | managed bytes / step | live flat, growth < 20 MB |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|");
        foreach (var t in traces) {
            string verdict = t.MeetsGoal ? "yes" : "no";
            text.AppendLine(
                $"| {t.Workload.Number} | {t.Workload.Name}, batch {t.Workload.Batch} | {Describe(t.Reading)} | {t.WarmupSteps} | {t.Steps} | {Megabytes(t.Samples[0].ResidentBytes)} | {Megabytes(t.Samples[^1].ResidentBytes)} " +
                $"| {Megabytes(t.PeakResidentBytes)} | {Megabytes(t.ResidentGrowthBytes)} | {t.Samples[0].LiveTensors} → {t.Samples[^1].LiveTensors} | {t.Gen0Collections} | {t.ManagedBytesPerStep} " +
                $"| {(t.JudgedAgainstGoal ? $"goal {(t.MeetsGoal ? "met" : "missed")}" : $"{verdict} (not the goal's reading)")} |");
        }
        text.AppendLine();
        text.AppendLine("Growth is measured from the first sample; the JSON file has every sample. *after warm-up*: samples start after 100 steps, " +
                        "so resident memory also fills with the garbage .NET lets gen 0 accumulate before its first collection (its budget " +
                        "follows the CPU's cache size) — a one-off cost, not growth over a long run. *after the first gen-0 GC*: the warm-up " +
                        "runs until that collection, so the budget is committed and reused. *full GC before each sample*: what remains is what " +
                        "a leak would show. The goal is read on the last two.");
        return text.ToString();
    }

    private static string Describe(MemoryReading reading) => reading switch {
        MemoryReading.AfterWarmUp => "after warm-up",
        MemoryReading.AfterFirstCollection => "after the first gen-0 GC",
        _ => "full GC before each sample",
    };

    private static string Megabytes(long bytes) => Fixed(bytes / 1048576.0, 1);

    public static object Json(MachineInfo machine, IReadOnlyList<MemoryTrace> traces) => new {
        machine,
        workloads = traces.Select(t => new {
            number = t.Workload.Number,
            name = t.Workload.Name,
            steps = t.Steps,
            reading = t.Reading.ToString(),
            warmup_steps = t.WarmupSteps,
            judged_against_goal = t.JudgedAgainstGoal,
            gen0_collections = t.Gen0Collections,
            managed_bytes_per_step = t.ManagedBytesPerStep,
            resident_growth_bytes = t.ResidentGrowthBytes,
            live_tensor_growth = t.LiveTensorGrowth,
            peak_resident_bytes = t.PeakResidentBytes,
            meets_goal = t.MeetsGoal,
            samples = t.Samples,
        }),
    };
}
