using System.CommandLine;
using System.Globalization;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using Spectre.Console;

namespace GanKit.Notebooks.Cli;

/// <summary>
/// <c>gankit-nb run PATH... [-p name=value]... [--smoke] [-o DIR] [--timeout S]</c>: runs notebooks (folders run every
/// .ipynb in them, sorted) with a progress display, writes each executed notebook back (or into DIR) even
/// when it fails, prints a summary table and exits with the first failure's code. One notebook runs in this process;
/// several run one after another, each in a process of its own (<see cref="NotebookProcess"/>).
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks (.ipynb) or folders of notebooks.", Arity = ArgumentArity.OneOrMore };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Set a variable of the cell tagged 'parameters': -p epochs=1 (repeatable)." };
        var outputFolder = new Option<string?>("--output-dir", "-o") { Description = "Write executed notebooks to this folder instead of in place." };
        var timeout = new Option<double?>("--timeout") { Description = "Per-cell timeout in seconds." };
        var grace = new Option<double>("--grace") { Description = "Seconds a cancelled or timed-out cell gets to stop.", DefaultValueFactory = _ => 5 };
        var smoke = new Option<bool>("--smoke") { Description = "Use each notebook's smoke parameters (metadata gankit.smoke_parameters) under any -p values: the quick run CI makes." };
        var report = new Option<string?>("--report")
        {
            Description = "(For gankit-nb itself.) Run one notebook for a parent gankit-nb: progress lines on stdout, a JSON outcome in this file, cancel on 'cancel' or end of stdin.",
            Hidden = true,
        };
        var command = new Command("run", "Execute notebooks headless and save their outputs.") { paths, parameters, outputFolder, timeout, grace, smoke, report };
        command.SetAction((result, _) =>
        {
            // Colours and live redraws only on a real terminal; logs and captured output get plain text.
            var terminal = output == Console.Out && !Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            });
            try
            {
                var options = new RunOptions
                {
                    Parameters = ParameterInjection.Parse(result.GetValue(parameters) ?? []),
                    CellTimeout = result.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    CancellationGrace = TimeSpan.FromSeconds(result.GetValue(grace)),
                    UseSmokeParameters = result.GetValue(smoke),
                };
                var notebooks = Expand(result.GetValue(paths)!);
                var folder = result.GetValue(outputFolder);
                if (result.GetValue(report) is { } reportFile)
                {
                    return notebooks.Count == 1
                        ? ReportAsync(notebooks[0], reportFile, output, folder, options)
                        : throw new ParameterException("--report runs exactly one notebook");
                }

                // What a process of its own per notebook needs to run it as this one would.
                string[] forwarded =
                [
                    .. (result.GetValue(parameters) ?? []).SelectMany(p => new[] { "-p", p }),
                    .. folder is null ? [] : new[] { "-o", Path.GetFullPath(folder) },
                    .. result.GetValue(timeout) is { } limit ? new[] { "--timeout", limit.ToString("R", CultureInfo.InvariantCulture) } : [],
                    "--grace", result.GetValue(grace).ToString("R", CultureInfo.InvariantCulture),
                    .. options.UseSmokeParameters ? new[] { "--smoke" } : [],
                ];
                return RunAllAsync(console, error, notebooks, folder, options, forwarded);
            }
            catch (Exception e) when (e is ParameterException or FileNotFoundException or DirectoryNotFoundException)
            {
                error.WriteLine(e.Message);
                return Task.FromResult(ExitCodes.InvalidInput);
            }
        });
        return command;
    }

    private static IReadOnlyList<string> Expand(IEnumerable<string> paths) => [.. paths.SelectMany<string, string>(path =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal)
        : File.Exists(path) ? new[] { path }
        : throw new FileNotFoundException($"No notebook or folder at '{path}'."))];

    private static async Task<int> RunAllAsync(
        IAnsiConsole console, TextWriter error, IReadOnlyList<string> notebooks, string? outputFolder, RunOptions options, IReadOnlyList<string> forwarded)
    {
        using var cancellation = new CancellationTokenSource();
        using var ctrlC = CancelOnCtrlC(cancellation);
        var results = new List<RunOutcome>();
        var lines = new Lock();
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var path in notebooks)
                {
                    var task = progress.AddTask(Markup.Escape(Path.GetFileName(path)));
                    void OnProgress(int done, int total) => (task.MaxValue, task.Value) = (total, done);
                    results.Add(notebooks.Count == 1
                        ? await RunHereAsync(path, outputFolder, options, OnProgress, cancellation.Token)
                        : await NotebookProcess.RunAsync(path, forwarded, line => { lock (lines) console.WriteLine(line); }, error, OnProgress, cancellation.Token));
                    task.StopTask();
                    if (cancellation.IsCancellationRequested)
                    {
                        break;
                    }
                }
            });

        console.Write(Summary(results));
        foreach (var outcome in results.Where(r => !r.Succeeded))
        {
            error.WriteLine($"{outcome.Path}: {outcome.Problem ?? outcome.Message}");
        }

        return results.FirstOrDefault(r => !r.Succeeded)?.ExitCode ?? ExitCodes.Success;
    }

    /// <summary>A run for a parent gankit-nb (<see cref="NotebookProcess"/>): no display, progress lines, a JSON outcome.</summary>
    private static async Task<int> ReportAsync(string path, string reportFile, TextWriter output, string? outputFolder, RunOptions options)
    {
        var cancellation = new CancellationTokenSource();
        using var ctrlC = CancelOnCtrlC(cancellation);
        var parent = new Thread(() =>
        {
            // The parent writes the cancel line when it is cancelled; the end of stdin means it is gone.
            try
            {
                while (Console.In.ReadLine() is { } line && line != NotebookProcess.CancelLine)
                {
                }
            }
            catch (IOException)
            {
            }

            cancellation.Cancel();
        }) { IsBackground = true };
        parent.Start();
        var outcome = await RunHereAsync(path, outputFolder, options,
            (done, total) => output.WriteLine($"{NotebookProcess.ProgressPrefix}{done} {total}"), cancellation.Token);
        File.WriteAllText(reportFile, outcome.ToJson());
        return outcome.ExitCode;
    }

    /// <summary>The first Ctrl-C cancels the running cell and saves what ran; a second one ends the process.</summary>
    private static IDisposable CancelOnCtrlC(CancellationTokenSource cancellation)
    {
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        return new Unsubscribe(() => Console.CancelKeyPress -= onCtrlC);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private static async Task<RunOutcome> RunHereAsync(
        string path, string? outputFolder, RunOptions options, Action<int, int> onProgress, CancellationToken cancellation)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return RunOutcome.Unusable(path, $"cannot read the notebook: {e.Message}");
        }

        if (options.UseSmokeParameters)
        {
            options = options with { Parameters = ParameterInjection.WithSmokeParameters(notebook, options.Parameters) };
        }

        var total = Math.Max(1, notebook.CodeCells.Count() + (options.Parameters.Count > 0 ? 1 : 0));
        onProgress(0, total);
        var result = await NotebookRunner.RunAsync(
            notebook,
            Path.GetDirectoryName(Path.GetFullPath(path))!,
            options with { OnCell = e => onProgress(e.Status is null ? e.Number - 1 : e.Number, total) },
            cancellation);
        var written = outputFolder is null ? path : Path.Combine(outputFolder, Path.GetFileName(path));
        result.Notebook.Save(written);
        return RunOutcome.From(path, written, result);
    }

    private static Table Summary(IEnumerable<RunOutcome> results)
    {
        var table = new Table().AddColumns("Notebook", "Cells", "Time", "Status", "Output");
        foreach (var outcome in results)
        {
            var status = outcome.Problem is not null ? "[red]unreadable[/]"
                : outcome.Status == RunStatus.Succeeded ? "[green]ok[/]"
                : $"[red]{Markup.Escape(outcome.Status.ToString()!)} at {Markup.Escape(outcome.FailedCell ?? "start")}[/]";
            var cells = outcome.Problem is not null ? "-" : $"{outcome.CellsRun}/{outcome.CodeCells}";
            var time = outcome.Problem is not null ? "-" : $"{outcome.Seconds:0.0} s";
            table.AddRow(Markup.Escape(Path.GetFileName(outcome.Path)), cells, time, status, Markup.Escape(outcome.Written ?? "-"));
        }

        return table;
    }
}
