using System.Diagnostics;
using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Timing;

/// <summary>Times a workload through our binding exactly as the C++ twin times itself: build, warm up, then step by step.</summary>
internal static class ManagedRunner
{
    public static StepTimes Run(Workload workload, RunSettings settings)
    {
        torch.set_num_threads(settings.Threads);
        torch.manual_seed(settings.Seed);
        var device = torch.device(settings.Device);
        bool cuda = device.type == DeviceType.CUDA;

        using var _ = torch.NewDisposeScope();   // the fixed batches and targets go with the workload
        using var gan = workload.Create(device, settings.Batch);
        for (int k = 0; k < settings.Warmup; k++)
            using (torch.NewDisposeScope())
                gan.Step();
        if (cuda) torch.cuda.synchronize();

        var times = new StepTimes(new double[settings.Steps], new double[settings.Steps], new double[settings.Steps]);
        for (int k = 0; k < settings.Steps; k++) {
            long faults = PageFaults.Minor();
            double cpu_start = ProcessorTime.ProcessSeconds();
            long start = Stopwatch.GetTimestamp();
            using (torch.NewDisposeScope())
                gan.Step();
            if (cuda) torch.cuda.synchronize();   // a step is done when its kernels are
            times.Seconds[k] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            times.CpuSeconds[k] = ProcessorTime.ProcessSeconds() - cpu_start;
            times.MinorFaults[k] = PageFaults.Minor() - faults;
        }
        return times;
    }
}
