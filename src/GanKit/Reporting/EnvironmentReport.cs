using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;
using GanKit.Reproducibility;

namespace GanKit.Reporting;

/// <summary>The one-line environment report every notebook's setup cell prints, and the fuller record a tracked run keeps.</summary>
public static class EnvironmentReport
{
    /// <summary>GanKit's own version.</summary>
    public static string GanKitVersion => typeof(EnvironmentReport).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>Which torch binding this build runs on: GanKit's own, or the official TorchSharp package.</summary>
    public static string Backend =>
#if TORCHSHARP_PACKAGE
        "TorchSharp " + (typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "package");
#else
        GanKit.Torch.BindingInfo.Name;
#endif

    /// <summary>Why the build chose <see cref="Backend"/>: by default, or asked for (TorchBackend; environment.md, "Backends").</summary>
    public static string BackendReason =>
        typeof(EnvironmentReport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TorchBackendReason")?.Value ?? "unknown";

    /// <summary>The device notebooks train on: CUDA when present, else the CPU.</summary>
    public static Device DefaultDevice => cuda.is_available() ? CUDA : CPU;

    /// <summary>
    /// For example "GanKit 0.1.0 | GanKit.Torch 0.1.0 (default: libstdc++ older than GCC 13's) | libtorch 1.13.1 | cpu |
    /// 2 threads | seed 1".
    /// </summary>
    public static string Line(int? seed = null)
    {
        var seedText = (seed ?? Seeding.Current)?.ToString() ?? "unseeded";
        return $"GanKit {GanKitVersion} | {Backend} ({BackendReason}) | libtorch {__version__} | {DefaultDevice.type.ToString().ToLowerInvariant()} | {Threads(get_num_threads())} | seed {seedText}";
    }

    /// <summary>The same facts as <see cref="Line"/>, keyed, plus the OS, .NET and the CPU model.</summary>
    public static IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["gankit"] = GanKitVersion,
        ["backend"] = Backend,
        ["backend_reason"] = BackendReason,
        ["libtorch"] = __version__,
        ["device"] = DefaultDevice.type.ToString().ToLowerInvariant(),
        ["threads"] = get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cores"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cpu"] = CpuModel(),
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
    };

    private static string Threads(int count) => count == 1 ? "1 thread" : $"{count} threads";

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
            return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
