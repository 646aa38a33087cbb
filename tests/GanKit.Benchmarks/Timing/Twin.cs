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

    private Twin(string name, string program, string[] leadingArguments, string missingHint)
    {
        Name = name;
        this.program = program;
        this.leadingArguments = leadingArguments;
        this.missingHint = missingHint;
    }

    /// <summary>How the reports and the log name this side.</summary>
    public string Name { get; }

    public static Twin Cpp() =>
        new("C++", Beside("gan_steps"), [], "build this project (dotnet build), which compiles it with CMake");

    /// <summary>The PyTorch twin under <paramref name="python"/>, which must import torch (Debian: python3-torch).</summary>
    public static Twin PyTorch(string python) =>
        new("PyTorch", python, [Beside(Path.Combine("python", "gan_steps.py"))],
            "install Debian's python3-torch (bash scripts/setup.sh does) or pass --python <interpreter with torch>");

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
