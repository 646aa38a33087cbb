using System.Text.Json;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// A side that runs as a child process: the C++ libtorch twin (cpp/gan_steps.cpp) or the PyTorch twin
/// (python/gan_steps.py), both built or copied beside this program. Both take the same options and
/// print the same JSON (per-step wall and processor seconds, minor page faults), so one runner reads either.
/// </summary>
internal sealed class Twin
{
    private readonly string program;
    private readonly string[] leadingArguments;
    private readonly string missingHint;

    private Twin(string name, string program, string[] leadingArguments, string missingHint, bool reportsVersion = true)
    {
        Name = name;
        ReportsVersion = reportsVersion;
        this.program = program;
        this.leadingArguments = leadingArguments;
        this.missingHint = missingHint;
    }

    /// <summary>How the reports and the log name this side.</summary>
    public string Name { get; }

    /// <summary>Whether <see cref="Version"/> works: the C++ twin has no --version (its libtorch is the report's).</summary>
    public bool ReportsVersion { get; }

    public static Twin Cpp() =>
        new("C++", Beside("gan_steps"), [], "build this project (dotnet build), which compiles it with CMake", reportsVersion: false);

    /// <summary>The PyTorch twin under <paramref name="python"/>, which must import torch (Debian: python3-torch).</summary>
    public static Twin PyTorch(string python) =>
        new("PyTorch", python, [Beside(Path.Combine("python", "gan_steps.py"))],
            "install Debian's python3-torch (bash scripts/setup.sh does) or pass --python <interpreter with torch>");

    /// <summary>
    /// A side built in a Debian 13 tree of this repository (scripts/debian13.sh; <paramref name="part"/> "official" or
    /// "binding") and run in the Debian 13 root: this program as a twin (<see cref="ManagedTwin"/>) on that tree's torch,
    /// or, with <paramref name="cpp"/>, that tree's C++ twin (built against the root's libtorch).
    /// </summary>
    public static Twin InDebian13(string name, string part, bool cpp = false)
    {
        var root = typeof(Twin).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
        var bin = Path.Combine(root, "artifacts", "debian13", part, "tests", "GanKit.Benchmarks", "bin", "Release", "net10.0");
        string[] command = cpp ? [Path.Combine(bin, "gan_steps")] : ["dotnet", Path.Combine(bin, "GanKit.Benchmarks.dll"), ManagedTwin.Flag];
        return new(name, "bash", [Path.Combine(root, "scripts", "in-debian13.sh"), .. command],
            $"build it first: bash scripts/debian13.sh --build {part} (as root)", reportsVersion: !cpp);
    }

    private static string Beside(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    /// <summary>The torch version the twin runs on: also the check, before any timing, that it can run at all.</summary>
    public string Version() => Execute(["--version"], MallocMode.Default).Trim();

    public StepTimes Run(int workload, RunSettings settings)
    {
        string stdout = Execute([
            "--workload", workload.ToString(), "--threads", settings.Threads.ToString(), "--device", settings.Device,
            "--seed", settings.Seed.ToString(), "--batch", settings.Batch.ToString(), "--warmup", settings.Warmup.ToString(), "--steps", settings.Steps.ToString()], settings.Malloc);
        using var json = JsonDocument.Parse(stdout);
        double[] Array(string name) => json.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new(Array("seconds"), Array("cpu_seconds"), Array("minor_faults"));
    }

    private string Execute(IEnumerable<string> arguments, MallocMode malloc)
    {
        foreach (var file in leadingArguments.Prepend(program).Where(f => Path.IsPathRooted(f) && !File.Exists(f)))
            throw new TwinException($"the {Name} twin needs {file}, which does not exist: {missingHint}.");
        return ChildProcess.Run(program, leadingArguments.Concat(arguments), malloc, $"the {Name} twin", missingHint);
    }
}

/// <summary>A twin is missing or failed: the message says which and what to do; the program reports it and stops.</summary>
internal sealed class TwinException(string message) : Exception(message);
