using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Memory;

/// <summary>When the samples of a long run start, and whether the GC runs before each.</summary>
internal enum MemoryReading
{
    /// <summary>From the end of a short warm-up: resident memory also fills with the GC's first gen-0 budget.</summary>
    AfterWarmUp,
    /// <summary>From the first gen-0 collection on: the budget is committed and reused, so growth is what the run itself keeps.</summary>
    AfterFirstCollection,
    /// <summary>A full, compacting collection before each sample: what is left is what a leak would show.</summary>
    CollectBeforeEachSample,
}

/// <summary>One sample of a long run: after how many steps, resident bytes, live tensors on this thread, and gen-0 collections so far.</summary>
internal sealed record MemorySample(int Step, long ResidentBytes, long LiveTensors, int Gen0Collections);

/// <summary>
/// Resident memory and live tensor count over a long run; growth is measured from the first sample,
/// taken when the <see cref="Reading"/> says.
/// </summary>
internal sealed record MemoryTrace(Workload Workload, int Steps, MemoryReading Reading, int WarmupSteps, long ManagedBytesPerStep, IReadOnlyList<MemorySample> Samples)
{
    public long ResidentGrowthBytes => Samples[^1].ResidentBytes - Samples[0].ResidentBytes;
    public long LiveTensorGrowth => Samples[^1].LiveTensors - Samples[0].LiveTensors;
    public long PeakResidentBytes => Samples.Max(s => s.ResidentBytes);
    public int Gen0Collections => Samples[^1].Gen0Collections - Samples[0].Gen0Collections;

    /// <summary>The bound: resident growth under 20 MB over 10,000 steps.</summary>
    public const long ResidentGrowthLimitBytes = 20L * 1024 * 1024;

    public bool MeetsGoal => LiveTensorGrowth == 0 && ResidentGrowthBytes < ResidentGrowthLimitBytes;

    /// <summary>The first reading also counts the GC's one-off gen-0 budget, so the goal is read on the other two.</summary>
    public bool JudgedAgainstGoal => Reading != MemoryReading.AfterWarmUp;
}

internal static class MemoryRun
{
    // Enough warm-up for the optimiser state, allocator pools and JIT tiers to settle.
    private const int warmup = 100;
    // Waiting for the first gen-0 collection gives up here (about 80 MB of garbage at 8 KB a step).
    private const int maxWarmup = 200_000;
    private const int samples = 40;

    public static MemoryTrace Trace(Workload workload, BenchmarkOptions options, MemoryReading reading, Action<string> log)
    {
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        using var _ = torch.NewDisposeScope();
        using var gan = workload.Create(torch.device(options.Device), workload.Batch);
        int gen0 = GC.CollectionCount(0), warmupSteps = 0;
        while (warmupSteps < warmup || reading == MemoryReading.AfterFirstCollection && GC.CollectionCount(0) == gen0 && warmupSteps < maxWarmup) {
            using (torch.NewDisposeScope())
                gan.Step();
            warmupSteps++;
        }
        bool collectBeforeSample = reading == MemoryReading.CollectBeforeEachSample;

        MemorySample Sample(int step)
        {
            // Aggressive mode also returns freed GC memory to the system, so resident memory shows what is live.
            if (collectBeforeSample) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return new(step, ProcessMemory.ResidentBytes(), DisposeScopeManager.Statistics.ThreadTotalLiveCount, GC.CollectionCount(0));
        }

        int every = Math.Max(1, options.MemorySteps / samples);
        var trace = new List<MemorySample> { Sample(0) };
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (int k = 1; k <= options.MemorySteps; k++) {
            using (torch.NewDisposeScope())
                gan.Step();
            if (k % every == 0 || k == options.MemorySteps) {
                trace.Add(Sample(k));
                if (trace.Count % 10 == 0) log($"  step {k}: {trace[^1].ResidentBytes / 1048576.0:F1} MB resident, {trace[^1].LiveTensors} live tensors");
            }
        }
        long perStep = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / options.MemorySteps;
        return new(workload, options.MemorySteps, reading, warmupSteps, perStep, trace);
    }
}
