using System.ComponentModel;
using System.Diagnostics;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// Runs one side's child process (a twin, or a Python reference script) under the benchmark's conditions
/// (<see cref="Allocator"/>) and returns its standard output. A program that cannot start or exits non-zero becomes a
/// <see cref="TwinException"/> that names it, shows its error output and says what to install.
/// </summary>
internal static class ChildProcess
{
    /// <param name="what">How messages name the child ("the C++ twin", "metrics.py").</param>
    /// <param name="missingHint">What to install or build when it fails (a missing package is the usual reason).</param>
    public static string Run(string program, IEnumerable<string> arguments, MallocMode malloc, string what, string missingHint)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Allocator.ApplyTo(start, malloc);
        Process process;
        try {
            process = Process.Start(start) ?? throw new TwinException($"could not start {what} ({program})");
        } catch (Win32Exception e) {
            throw new TwinException($"could not start {what} ({program}: {e.Message}): {missingHint}.");
        }
        using (process) {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new TwinException($"{what} failed (exit {process.ExitCode}, {string.Join(' ', start.ArgumentList)}): {stderr.Result.Trim()} — {missingHint}.");
            return stdout;
        }
    }
}
