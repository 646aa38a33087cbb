using System.Diagnostics;
using System.Globalization;

namespace GanKit.Notebooks.Cli;

/// <summary>
/// Runs one notebook in a gankit-nb process of its own (<c>run PATH --report FILE</c> and the caller's options), as
/// Polyglot and Jupyter give each notebook a kernel process of its own: what a notebook sets for the whole process
/// (libtorch's thread count, loaded assemblies, static caches, memory it leaves behind) ends with it.
/// </summary>
internal static class NotebookProcess
{
    /// <summary>The line a reporting run writes to stdout as each code cell starts and ends: the prefix, done, total.</summary>
    public const string ProgressPrefix = "##gankit-nb progress ";

    /// <summary>The line the parent writes to a reporting run's stdin to cancel it, as Ctrl-C would.</summary>
    public const string CancelLine = "cancel";

    public static async Task<RunOutcome> RunAsync(
        string path, IReadOnlyList<string> options, Action<string> output, TextWriter error, Action<int, int> onProgress,
        CancellationToken cancellation)
    {
        var report = Path.GetTempFileName();
        try
        {
            var (host, prefix) = Self();
            var full = Path.GetFullPath(path);
            var start = new ProcessStartInfo(host)
            {
                WorkingDirectory = Path.GetDirectoryName(full)!, // where the notebook runs anyway (NotebookRunner)
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in prefix.Concat(["run", full, "--report", report]).Concat(options))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
            var stdout = ForwardAsync(process.StandardOutput, line =>
            {
                if (line.StartsWith(ProgressPrefix, StringComparison.Ordinal) && line[ProgressPrefix.Length..].Split(' ') is [var done, var total])
                {
                    onProgress(int.Parse(done, CultureInfo.InvariantCulture), int.Parse(total, CultureInfo.InvariantCulture));
                }
                else
                {
                    output(line);
                }
            });
            var stderr = ForwardAsync(process.StandardError, error.WriteLine);
            using (cancellation.Register(() => Cancel(process)))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }

            await Task.WhenAll(stdout, stderr);
            var text = File.ReadAllText(report);
            try
            {
                return (text.Length > 0 ? RunOutcome.FromJson(text) : null) is { } outcome
                    ? outcome with { Path = path }
                    : RunOutcome.Crashed(path, process.ExitCode);
            }
            catch (System.Text.Json.JsonException)
            {
                return RunOutcome.Crashed(path, process.ExitCode); // it ended while writing the report
            }
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static void Cancel(Process process)
    {
        try
        {
            process.StandardInput.WriteLine(CancelLine);
            process.StandardInput.Flush();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // It has ended already.
        }
    }

    private static async Task ForwardAsync(StreamReader reader, Action<string> write)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            write(line);
        }
    }

    /// <summary>How to start gankit-nb again: its apphost, or the dotnet host with this assembly.</summary>
    private static (string Host, string[] Prefix) Self()
    {
        var assembly = typeof(NotebookProcess).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return (host, ["exec", assembly]);
        }

        var apphost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(apphost) ? (apphost, []) : ("dotnet", ["exec", assembly]);
    }
}
