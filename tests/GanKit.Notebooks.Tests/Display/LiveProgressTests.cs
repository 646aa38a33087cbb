using GanKit.Display.Formatting;
using GanKit.Display.Hosting;
using GanKit.Display.Images;
using GanKit.Display.Progress;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Display;

public sealed class LiveProgressTests
{
    /// <summary>Records what was shown and each update of the one output.</summary>
    private sealed class RecordingSink : IDisplaySink, IDisplayHandle
    {
        public List<object> Shown { get; } = [];

        public List<object> Updates { get; } = [];

        public IDisplayHandle Show(object value)
        {
            Shown.Add(value);
            return this;
        }

        public void Update(object value) => Updates.Add(value);
    }

    [Fact]
    public void Shows_once_then_updates_at_most_once_per_interval_and_at_completion()
    {
        var sink = new RecordingSink();
        var clock = new ManualClock();
        var progress = new LiveProgress(100, "GAN", sink, clock);

        for (var step = 1; step <= 100; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100)); // 10 steps per second
            progress.Report(step, [("D", 1.0 / step), ("G", 0.5)], dReal: 0.8, dFake: 0.2);
        }

        progress.Complete();

        Assert.Single(sink.Shown);
        Assert.Equal(10, sink.Updates.Count); // steps 11, 21, …, 91 and the completion
        var final = Assert.IsType<TrainingProgress>(sink.Updates[^1]);
        Assert.Equal(("done", 100L, 10.0), (final.State, final.Step, Math.Round(final.StepsPerSecond, 6)));
        Assert.Equal(0.01, final.Losses["D"]);
    }

    [Fact]
    public void Speed_and_eta_follow_the_clock_and_values_not_given_are_kept()
    {
        var clock = new ManualClock();
        var progress = new LiveProgress(50, sink: new RecordingSink(), clock: clock);
        var grid = ImageGrid.FromPixels(new float[4], 1, 1, 2, 2);

        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report(10, [("D", 0.7)], dReal: 0.9, samples: grid);
        clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report(20, [("G", 1.1)]);

        var state = progress.Current;
        Assert.Equal(2.0, state.StepsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(15), state.Eta);
        Assert.Equal(0.7, state.Losses["D"]);
        Assert.Equal(0.9, state.DReal);
        Assert.Same(grid, state.Samples);
        Assert.Contains("running step 20/50 (40%), 2.0 steps/s, elapsed 00:10, ETA 00:15", state.RenderToString(Mime.PlainText));
        Assert.Contains("<img", state.RenderToString(Mime.Html));
        Assert.Contains("running experiment 20/50 (40%), 2.0 experiments/s", (state with { StepUnit = "experiment" }).RenderToString(Mime.PlainText));
    }

    [Fact]
    public void A_stopped_run_says_so()
    {
        var sink = new RecordingSink();
        var progress = new LiveProgress(10, sink: sink, clock: new ManualClock());

        progress.Report(3);
        progress.Complete(stopped: true);

        Assert.Equal("stopped", ((TrainingProgress)sink.Updates.Single()).State);
    }

    [Fact]
    public void Outside_any_kernel_the_host_falls_back_to_the_console_and_a_ctrl_c_token()
    {
        Assert.IsType<ConsoleDisplaySink>(NotebookHost.Sink);
        Assert.True(NotebookHost.CancellationToken.CanBeCanceled);
        Assert.False(NotebookHost.CancellationToken.IsCancellationRequested);
    }
}
