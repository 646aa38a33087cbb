using System.Diagnostics;
using System.Text.Json;

namespace GanKit.Benchmarks.Timing;

/// <summary>A twin script from python/ (copied beside this program), run once under the given interpreter; its stdout is JSON.</summary>
internal static class PythonScript
{
    /// <param name="missingHint">What to install when the script fails (its imports are the usual reason).</param>
    public static JsonDocument Run(string python, string script, IEnumerable<string> arguments, MallocMode malloc, string missingHint)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "python", script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Allocator.ApplyTo(start, malloc);
        Process process;
        try {
            process = Process.Start(start) ?? throw new TwinException($"could not start {python}");
        } catch (System.ComponentModel.Win32Exception e) {
            throw new TwinException($"could not start {python} ({e.Message}) for {script}: {missingHint}");
        }
        using (process) {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new TwinException($"{script} failed (exit {process.ExitCode}): {stderr.Result.Trim()} — {missingHint}");
            return JsonDocument.Parse(stdout);
        }
    }
}
