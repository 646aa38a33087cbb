using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;
using GanKit.Reproducibility;

namespace GanKit.Reporting;

/// <summary>The one-line environment report every notebook's setup cell prints.</summary>
public static class EnvironmentReport
{
    /// <summary>GanKit's own version.</summary>
    public static string GanKitVersion => typeof(EnvironmentReport).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>Which torch binding this build runs on: GanKit's own, or the official TorchSharp package.</summary>
    public static string Backend =>
#if TORCHSHARP_PACKAGE
        "TorchSharp " + (typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "package");
#else
        torch.backend_name;
#endif

    /// <summary>The device notebooks train on: CUDA when present, else the CPU.</summary>
    public static Device DefaultDevice => cuda.is_available() ? CUDA : CPU;

    /// <summary>For example "GanKit 0.1.0 | GanKit.Torch 0.1.0 | libtorch 1.13.1 | cpu | 2 threads | seed 1".</summary>
    public static string Line(int? seed = null)
    {
        var seedText = (seed ?? Seeding.Current)?.ToString() ?? "unseeded";
        return $"GanKit {GanKitVersion} | {Backend} | libtorch {__version__} | {DefaultDevice.type.ToString().ToLowerInvariant()} | {get_num_threads()} threads | seed {seedText}";
    }
}
