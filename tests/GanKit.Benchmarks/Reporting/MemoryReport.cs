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
        text.AppendLine("| # | workload | steps | GC before samples | resident at start MB | resident at end MB | peak MB | resident growth MB | live tensors start → end | gen-0 GCs | managed bytes / step | goal |");
        text.AppendLine("|---|---|---:|---|---:|---:|---:|---:|---|---:|---:|---|");
        foreach (var t in traces) {
            text.AppendLine(
                $"| {t.Workload.Number} | {t.Workload.Name}, batch {t.Workload.Batch} | {t.Steps} | {(t.CollectBeforeSample ? "yes" : "no")} | {Megabytes(t.Samples[0].ResidentBytes)} | {Megabytes(t.Samples[^1].ResidentBytes)} " +
                $"| {Megabytes(t.PeakResidentBytes)} | {Megabytes(t.ResidentGrowthBytes)} | {t.Samples[0].LiveTensors} → {t.Samples[^1].LiveTensors} | {t.Gen0Collections} | {t.ManagedBytesPerStep} " +
                $"| live flat, growth < 20 MB: {(t.MeetsGoal ? "met" : "missed")} |");
        }
        text.AppendLine();
        text.AppendLine("Growth is measured from the first sample, taken after 100 warm-up steps; the JSON file has every sample. " +
                        "Without a GC before the samples, resident memory also holds the garbage .NET lets gen 0 accumulate before its first " +
                        "collection (its budget follows the CPU's cache size); with one, what remains is what a leak would show.");
        return text.ToString();
    }

    private static string Megabytes(long bytes) => Fixed(bytes / 1048576.0, 1);

    public static object Json(MachineInfo machine, IReadOnlyList<MemoryTrace> traces) => new {
        machine,
        workloads = traces.Select(t => new {
            number = t.Workload.Number,
            name = t.Workload.Name,
            steps = t.Steps,
            collect_before_sample = t.CollectBeforeSample,
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
