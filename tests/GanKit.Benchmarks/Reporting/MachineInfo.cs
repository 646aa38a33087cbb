using System.Runtime.InteropServices;

namespace GanKit.Benchmarks.Reporting;

/// <summary>Where and when a result was measured: numbers mean little without it.</summary>
internal sealed record MachineInfo(
    string Date, string Cpu, int Cores, string LoadAverage, string Libtorch, string Blas,
    int Threads, string Device, string DotNet, string GcRegionRange, string Backend, string? PyTorch, string Allocator,
    IReadOnlyList<string> Peers)
{
    /// <param name="pytorch">The PyTorch twin's torch version and interpreter; null where no twin runs (the memory run).</param>
    /// <param name="peers">Each peer side's name and what it runs on (README.md, "Peers"); empty without --peers.</param>
    public static MachineInfo Current(BenchmarkOptions options, string? pytorch, IReadOnlyList<string> peers) => new(
        Date: DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
        Cpu: CpuModel(),
        Cores: Environment.ProcessorCount,
        // The machine may be shared: the load at the start says how much to trust the timings.
        LoadAverage: File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown",
        Libtorch: torch.__version__,
        Blas: BlasInfo(),
        Threads: options.Threads,
        Device: options.Device,
        DotNet: RuntimeInformation.FrameworkDescription,
        GcRegionRange: GcRegionRangeInEffect(),
        Backend: typeof(torch).Assembly.GetName().Name ?? "unknown",
        PyTorch: pytorch,
        Allocator: options.Memory ? Timing.Allocator.Describe(Timing.MallocMode.Default) : Timing.Allocator.Describe(options.Malloc),
        Peers: peers);

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo")) return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    // How much address space the GC reserved: it changes how fast native code runs in this process.
    private static string GcRegionRangeInEffect() =>
        GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var v) && v is long bytes ? $"{bytes / (1L << 30)} GiB" : "unknown";

#if TORCHSHARP_PACKAGE
    private static string BlasInfo() => "as bundled with TorchSharp's libtorch";
#else
    private static string BlasInfo() => GanKit.Torch.BindingInfo.BlasLibrary is { Length: > 0 } info ? info : "not OpenBLAS";
#endif
}
