using System.Text.Json;
using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// This program as a twin (<c>--as-twin</c>): the managed side of one workload, taking the C++ twin's options and printing
/// its JSON, so another build of it (the official TorchSharp package, or our binding on another libtorch, in the Debian 13
/// root) is one more side of a comparison (<see cref="Twin.InDebian13"/>).
/// </summary>
internal static class ManagedTwin
{
    public const string Flag = "--as-twin";

    /// <summary>Runs the twin when <paramref name="args"/> ask for it and returns its exit code; null otherwise.</summary>
    public static int? TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Flag) return null;
        try {
            if (args.Length == 2 && args[1] == "--version") {
                Console.WriteLine($"{GanKit.Reporting.EnvironmentReport.Backend}, libtorch {torch.__version__}");
                return 0;
            }
            var (workload, settings) = Parse(args[1..]);
            var times = ManagedRunner.Run(WorkloadCatalog.Get(workload), settings);
            Console.WriteLine(JsonSerializer.Serialize(new { seconds = times.Seconds, cpu_seconds = times.CpuSeconds, minor_faults = times.MinorFaults }));
            return 0;
        } catch (ArgumentException e) {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    // The C++ twin's options (cpp/gan_steps.cpp): --workload N --threads T --device D --seed K --batch B --warmup W --steps S.
    private static (int Workload, RunSettings Settings) Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (int k = 0; k + 1 < args.Length; k += 2) values[args[k]] = args[k + 1];
        if (args.Length % 2 != 0 || values.Count != args.Length / 2)
            throw new ArgumentException($"{Flag} takes --workload, --threads, --device, --seed, --batch, --warmup and --steps, each once with a value");
        string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"{Flag}: {name} is missing");
        int Int(string name) => int.TryParse(Get(name), out int n) && n >= 0 ? n : throw new ArgumentException($"{Flag}: {name} takes a whole number, not '{Get(name)}'");
        // The allocator's thresholds reach this process through GLIBC_TUNABLES, set by the parent (Allocator.ApplyTo).
        var settings = new RunSettings(Int("--threads"), Get("--device"), long.Parse(Get("--seed")), Int("--batch"), Int("--warmup"), Int("--steps"), MallocMode.Default);
        return (Int("--workload"), settings);
    }
}
