using System.Diagnostics;
using System.Text.Json;

namespace GanKit.Benchmarks.Timing;

/// <summary>Runs the C++ libtorch twin (cpp/gan_steps.cpp, built beside this program) and reads its per-step times.</summary>
internal static class CppTwin
{
    private static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "gan_steps");

    public static StepTimes Run(int workload, RunSettings settings)
    {
        if (!File.Exists(ExecutablePath))
            throw new FileNotFoundException($"the C++ twin was not found at {ExecutablePath}: build this project (dotnet build), which compiles it with CMake.");
        var start = new ProcessStartInfo(ExecutablePath) {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] {
            "--workload", workload.ToString(), "--threads", settings.Threads.ToString(), "--device", settings.Device,
            "--seed", settings.Seed.ToString(), "--batch", settings.Batch.ToString(), "--warmup", settings.Warmup.ToString(), "--steps", settings.Steps.ToString() })
            start.ArgumentList.Add(argument);
        // The same rule as the shim: libtorch's OpenMP threads are the only pool.
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ExecutablePath}");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the C++ twin failed on workload {workload} (exit {process.ExitCode}): {stderr.Result.Trim()}");

        using var json = JsonDocument.Parse(stdout);
        double[] Array(string name) => json.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new(Array("seconds"), Array("cpu_seconds"));
    }
}
