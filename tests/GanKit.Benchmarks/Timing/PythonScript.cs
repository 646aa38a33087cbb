using System.Text.Json;

namespace GanKit.Benchmarks.Timing;

/// <summary>A twin script from python/ (copied beside this program), run once under the given interpreter; its stdout is JSON.</summary>
internal static class PythonScript
{
    /// <param name="missingHint">What to install when the script fails (its imports are the usual reason).</param>
    public static JsonDocument Run(string python, string script, IEnumerable<string> arguments, MallocMode malloc, string missingHint) =>
        JsonDocument.Parse(ChildProcess.Run(python, arguments.Prepend(Path.Combine(AppContext.BaseDirectory, "python", script)), malloc, script, missingHint));
}
