using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using GanKit.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// Executes a notebook's C# cells in order, in one script session, and returns a copy of the notebook
/// holding their outputs in nbformat shape. The run stops at the first cell that fails, times out or is
/// cancelled; later cells are left without outputs, as papermill does.
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim RunGate = new(1, 1);

    public static async Task<NotebookRunResult> RunAsync(Notebook input, string notebookFolder, RunOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var notebook = input.Clone();
        var injected = PrepareParameters(notebook, options.Parameters, out var problem);
        PolyglotFormat.Apply(notebook);
        foreach (var cell in notebook.CodeCells)
        {
            cell.ClearOutputs();
        }

        if (problem is not null)
        {
            return new NotebookRunResult(notebook, RunStatus.InvalidInput, [], clock.Elapsed, problem);
        }

        ConsoleCapture.Install();
        // The kernel resolves #r and #load against the process's working folder, which Polyglot sets to the
        // notebook's folder: one notebook runs at a time per process.
        await RunGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        var workingFolder = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(Path.GetFullPath(notebookFolder));
            using var session = await KernelSession.StartAsync().ConfigureAwait(false);
            var run = new Run(notebook, session, options, cancellationToken);
            var status = await run.ExecuteAsync(injected).ConfigureAwait(false);
            return new NotebookRunResult(notebook, status, run.Cells, clock.Elapsed, run.Message);
        }
        finally
        {
            Directory.SetCurrentDirectory(workingFolder);
            RunGate.Release();
        }
    }

    /// <summary>
    /// Drops an injected-parameters cell left by an earlier run and, when parameters are given, inserts a
    /// new one after the cell tagged <c>parameters</c>; its source is written once that cell has run.
    /// </summary>
    private static NotebookCell? PrepareParameters(Notebook notebook, IReadOnlyDictionary<string, string> parameters, out string? problem)
    {
        problem = null;
        notebook.Cells.RemoveAll(c => c.Tags.Contains(ParameterInjection.InjectedTag));
        if (parameters.Count == 0)
        {
            return null;
        }

        var index = notebook.Cells.FindIndex(c => c.IsCode && c.Tags.Contains(ParameterInjection.ParametersTag));
        if (index < 0)
        {
            problem = $"Parameters were given but no code cell is tagged '{ParameterInjection.ParametersTag}'.";
            return null;
        }

        var injected = NotebookCell.Code("", ParameterInjection.InjectedTag);
        notebook.Cells.Insert(index + 1, injected);
        // One project key: the author's smoke_parameters and the runner's record of the values it injected.
        if (notebook.Metadata["gankit"] is not JsonObject gankit)
        {
            notebook.Metadata["gankit"] = gankit = new JsonObject();
        }
        gankit["parameters"] = new JsonObject([.. parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
        return injected;
    }

    /// <summary>The state of one run: the session, the cells run so far and why the run stopped.</summary>
    private sealed class Run(Notebook notebook, KernelSession session, RunOptions options, CancellationToken cancellation)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, DisplayOutput> _displays = [];
        private readonly List<CellRun> _cells = [];
        private int _executionCount;

        public IReadOnlyList<CellRun> Cells => _cells;

        public string? Message { get; private set; }

        public async Task<RunStatus> ExecuteAsync(NotebookCell? injected)
        {
            var executed = new List<(NotebookCell Cell, CellContext Context)>();
            try
            {
                var codeCellCount = notebook.CodeCells.Count();
                var number = 0;
                for (var position = 1; position <= notebook.Cells.Count; position++)
                {
                    var cell = notebook.Cells[position - 1];
                    if (!cell.IsCode)
                    {
                        continue;
                    }

                    number++;
                    options.OnCell?.Invoke(new CellEvent(number, codeCellCount, cell.Id, null));
                    var clock = Stopwatch.StartNew();
                    using var cellCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                    var context = new CellContext(_gate, _displays, _executionCount + 1, cellCancellation.Token);
                    executed.Add((cell, context));
                    var status = cancellation.IsCancellationRequested
                        ? Fail(context, position, cell, RunStatus.Cancelled, "OperationCanceledException", "The run was cancelled before this cell started.")
                        : await ExecuteCellAsync(context, cellCancellation, position, cell, cell == injected).ConfigureAwait(false);
                    cell.ExecutionCount = ++_executionCount;
                    _cells.Add(new CellRun(position, cell.Id, status, clock.Elapsed));
                    options.OnCell?.Invoke(new CellEvent(number, codeCellCount, cell.Id, status));
                    if (status != RunStatus.Succeeded)
                    {
                        return status;
                    }
                }

                return RunStatus.Succeeded;
            }
            finally
            {
                // Outputs are written at the end: a later cell may still update a display an earlier one made.
                foreach (var (cell, context) in executed)
                {
                    cell.SetOutputs(context.ToJson());
                }
            }
        }

        private async Task<RunStatus> ExecuteCellAsync(CellContext context, CancellationTokenSource cellCancellation, int position, NotebookCell cell, bool isInjected)
        {
            var kernel = PolyglotFormat.KernelOf(notebook, cell);
            if (kernel != PolyglotFormat.KernelName)
            {
                return Fail(context, position, cell, RunStatus.InvalidInput, "UnsupportedKernel", $"Only C# cells can run headless; this cell is for kernel '{kernel}'.");
            }

            if (isInjected)
            {
                try
                {
                    cell.Source = ParameterInjection.Source(options.Parameters, session.Variables);
                }
                catch (ParameterException e)
                {
                    return Fail(context, position, cell, RunStatus.InvalidInput, nameof(ParameterException), e.Message);
                }
            }

            // A dedicated thread, so a cell that never yields cannot block the runner's timeout and Ctrl-C handling.
            var work = Task.Factory.StartNew(
                () =>
                {
                    context.Enter();
                    return session.SubmitAsync(cell.Source, cellCancellation.Token);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var deadline = Task.Delay(options.CellTimeout ?? Timeout.InfiniteTimeSpan, limit.Token);
            await Task.WhenAny(work, deadline).ConfigureAwait(false);
            if (!work.IsCompleted || cancellation.IsCancellationRequested)
            {
                var timedOut = !cancellation.IsCancellationRequested;
                await cellCancellation.CancelAsync().ConfigureAwait(false);
                // The kernel stops waiting for a cancelled command at once; the cell's code may still be running.
                var finished = Task.WhenAll(work.ContinueWith(_ => { }, TaskScheduler.Default), context.CodeFinished);
                await Task.WhenAny(finished, Task.Delay(options.CancellationGrace, CancellationToken.None)).ConfigureAwait(false);
                var stopped = finished.IsCompleted ? "it stopped" : "it did not stop within the grace period and was abandoned";
                return timedOut
                    ? Fail(context, position, cell, RunStatus.TimedOut, "CellTimeoutException", $"The cell did not finish within {options.CellTimeout!.Value.TotalSeconds:0.###} s; it was cancelled and {stopped}.")
                    : Fail(context, position, cell, RunStatus.Cancelled, "OperationCanceledException", $"The run was cancelled while this cell was running; {stopped}.");
            }

            await limit.CancelAsync().ConfigureAwait(false);
            KernelCommandResult result;
            try
            {
                result = await work.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The kernel itself failed (a cell's own exceptions arrive as CommandFailed): the notebook is still written.
                var thrown = Unwrap(e);
                return Fail(context, position, cell, RunStatus.Failed, thrown.GetType().Name, thrown.Message, CellFrames(thrown));
            }

            return result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed
                ? failed.Exception switch
                {
                    CodeSubmissionCompilationErrorException { InnerException: CompilationErrorException compilation } => CompilationFailed(context, position, cell, compilation),
                    { } thrown => Fail(context, position, cell, RunStatus.Failed, Unwrap(thrown).GetType().Name, Unwrap(thrown).Message, CellFrames(Unwrap(thrown))),
                    null => Fail(context, position, cell, RunStatus.Failed, "KernelError", failed.Message),
                }
                : RunStatus.Succeeded;
        }

        private RunStatus CompilationFailed(CellContext context, int position, NotebookCell cell, CompilationErrorException e)
        {
            var diagnostics = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToArray();
            return Fail(context, position, cell, RunStatus.Failed, "CompilationError", string.Join(Environment.NewLine, diagnostics), diagnostics);
        }

        private RunStatus Fail(CellContext context, int position, NotebookCell cell, RunStatus status, string name, string message, IReadOnlyList<string>? details = null)
        {
            var where = new CellRun(position, cell.Id, status, TimeSpan.Zero).Name;
            Message = $"{where} {Describe(status)}: {name}: {message}";
            context.Add(new ErrorOutput(name, message, [$"{name} in {where}", .. details ?? [message]]));
            return status;
        }

        private static string Describe(RunStatus status) => status switch
        {
            RunStatus.TimedOut => "timed out",
            RunStatus.Cancelled => "was cancelled",
            RunStatus.InvalidInput => "could not run",
            _ => "failed",
        };

        private static string Describe(Microsoft.CodeAnalysis.Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var where = span.IsValid ? $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " : "";
            return $"{where}error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        // The host's own frames (Roslyn scripting, the kernel, this runner) say nothing about the notebook.
        private static string[] CellFrames(Exception e) => [.. e.ToString().Split(Environment.NewLine).Where(line =>
            !line.StartsWith("--- End of stack trace", StringComparison.Ordinal) &&
            !line.TrimStart().StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal) &&
            !line.TrimStart().StartsWith("at Microsoft.DotNet.Interactive.", StringComparison.Ordinal) &&
            !line.TrimStart().StartsWith("at GanKit.Notebooks.", StringComparison.Ordinal))];

        private static Exception Unwrap(Exception e) => e switch
        {
            TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
            _ => e,
        };
    }
}
