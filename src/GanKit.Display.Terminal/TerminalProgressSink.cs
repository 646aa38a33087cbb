using System.Globalization;
using GanKit.Display.Hosting;
using GanKit.Display.Progress;
using Spectre.Console;

namespace GanKit.Display.Terminal;

/// <summary>
/// Shows <see cref="TrainingProgress"/> as a Spectre.Console progress bar (step, losses, D(x), D(G(z)),
/// speed, time left) in a terminal program; other values are printed. Use it with
/// <c>NotebookHost.UseDisplay(new TerminalProgressSink())</c> or pass it to <see cref="LiveProgress"/>.
/// </summary>
public sealed class TerminalProgressSink(IAnsiConsole? console = null) : IDisplaySink
{
    private readonly IAnsiConsole _console = console ?? AnsiConsole.Console;

    public IDisplayHandle Show(object value) => value is TrainingProgress progress
        ? new ProgressBarHandle(_console, progress)
        : ConsoleDisplaySink.Instance.Show(value);

    /// <summary>
    /// One bar, rendered by Spectre on its own task until the run reports a final state. Spectre's progress
    /// display is scoped to a callback, so the callback waits here while updates arrive from the loop.
    /// </summary>
    private sealed class ProgressBarHandle : IDisplayHandle
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _rendering;
        private readonly ProgressTask _bar;

        public ProgressBarHandle(IAnsiConsole console, TrainingProgress first)
        {
            var started = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
            _rendering = console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    started.SetResult(context.AddTask(Describe(first), maxValue: Math.Max(1, first.TotalSteps)));
                    await _finished.Task.ConfigureAwait(false);
                });
            _bar = started.Task.GetAwaiter().GetResult();
            Update(first);
        }

        public void Update(object value)
        {
            if (value is not TrainingProgress progress || _finished.Task.IsCompleted)
            {
                return;
            }

            _bar.MaxValue = Math.Max(1, progress.TotalSteps);
            _bar.Value = progress.Step;
            _bar.Description = Describe(progress);
            if (progress.State != "running")
            {
                _bar.StopTask();
                _finished.SetResult();
                _rendering.GetAwaiter().GetResult();
            }
        }

        private static string Describe(TrainingProgress progress)
        {
            var metrics = progress.Losses.Select(l => (l.Key, l.Value))
                .Concat(progress.DReal is { } real ? [("D(x)", real)] : [])
                .Concat(progress.DFake is { } fake ? [("D(G(z))", fake)] : [])
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Item1} {m.Item2:G4}"));
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{progress.Title ?? "training"} {progress.State} {progress.Step}/{progress.TotalSteps} {progress.StepsPerSecond:F1}/s {string.Join("  ", metrics)}");
            return Markup.Escape(text.TrimEnd());
        }
    }
}
