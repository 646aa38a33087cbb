using System.CommandLine;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using Spectre.Console;

namespace GanKit.Notebooks.Cli;

/// <summary>
/// <c>gankit-nb run PATH... [-p name=value]... [--smoke] [-o DIR] [--timeout S]</c>: runs notebooks (folders run every
/// .ipynb in them, sorted) with a progress display, writes each executed notebook back (or into DIR) even
/// when it fails, prints a summary table and exits with the first failure's code.
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
        var command = new Command("run", "Execute notebooks headless and save their outputs.") { paths, parameters, outputFolder, timeout, grace, smoke };
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
                return RunAllAsync(console, error, notebooks, result.GetValue(outputFolder), options);
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

    private static async Task<int> RunAllAsync(IAnsiConsole console, TextWriter error, IReadOnlyList<string> notebooks, string? outputFolder, RunOptions options)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            // The first Ctrl-C cancels the cell and saves what ran; a second one ends the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        var results = new List<(string Path, string? Written, NotebookRunResult? Result, string? Problem)>();
        try
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    foreach (var path in notebooks)
                    {
                        var task = progress.AddTask(Markup.Escape(Path.GetFileName(path)));
                        results.Add(await RunOneAsync(path, outputFolder, options, task, cancellation.Token));
                        task.StopTask();
                        if (cancellation.IsCancellationRequested)
                        {
                            break;
                        }
                    }
                });
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }

        console.Write(Summary(results));
        foreach (var (path, _, result, problem) in results.Where(r => r.Problem is not null || r.Result?.Status != RunStatus.Succeeded))
        {
            error.WriteLine($"{path}: {problem ?? result?.Message}");
        }

        var failure = results.FirstOrDefault(r => r.Problem is not null || r.Result!.Status != RunStatus.Succeeded);
        return failure.Path is null ? ExitCodes.Success : failure.Result?.ExitCode ?? ExitCodes.InvalidInput;
    }

    private static async Task<(string, string?, NotebookRunResult?, string?)> RunOneAsync(
        string path, string? outputFolder, RunOptions options, ProgressTask task, CancellationToken cancellation)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (path, null, null, $"cannot read the notebook: {e.Message}");
        }

        if (options.UseSmokeParameters)
        {
            options = options with { Parameters = ParameterInjection.WithSmokeParameters(notebook, options.Parameters) };
        }

        task.MaxValue = Math.Max(1, notebook.CodeCells.Count() + (options.Parameters.Count > 0 ? 1 : 0));
        var result = await NotebookRunner.RunAsync(
            notebook,
            Path.GetDirectoryName(Path.GetFullPath(path))!,
            options with { OnCell = e => task.Value = e.Status is null ? e.Number - 1 : e.Number },
            cancellation);
        var written = outputFolder is null ? path : Path.Combine(outputFolder, Path.GetFileName(path));
        result.Notebook.Save(written);
        return (path, written, result, null);
    }

    private static Table Summary(IEnumerable<(string Path, string? Written, NotebookRunResult? Result, string? Problem)> results)
    {
        var table = new Table().AddColumns("Notebook", "Cells", "Time", "Status", "Output");
        foreach (var (path, written, result, problem) in results)
        {
            var status = problem is not null ? "[red]unreadable[/]"
                : result!.Status == RunStatus.Succeeded ? "[green]ok[/]"
                : $"[red]{Markup.Escape(result.Status.ToString())} at {Markup.Escape(result.FailedCell?.Name ?? "start")}[/]";
            var cells = result is null ? "-" : $"{result.Cells.Count}/{result.Notebook.CodeCells.Count()}";
            var time = result is null ? "-" : $"{result.Duration.TotalSeconds:0.0} s";
            table.AddRow(Markup.Escape(Path.GetFileName(path)), cells, time, status, Markup.Escape(written ?? "-"));
        }

        return table;
    }
}
