using GanKit.Display.Hosting;
using GanKit.Display.Images;

namespace GanKit.Display.Progress;

/// <summary>
/// Keeps one live output for a training loop: every <see cref="Report"/> updates the state, and the
/// displayed <see cref="TrainingProgress"/> is refreshed at most once per <see cref="RefreshInterval"/>
/// (each refresh re-sends the whole rendering, sample grid included), plus once at <see cref="Complete"/>.
/// Displays go to the given sink, or <see cref="NotebookHost.Sink"/>.
/// </summary>
public sealed class LiveProgress
{
    private readonly IDisplaySink _sink;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private IDisplayHandle? _handle;
    private long _lastRefresh;

    /// <param name="stepUnit">What a step counts, e.g. "experiment" (default "step").</param>
    public LiveProgress(long totalSteps, string? title = null, IDisplaySink? sink = null, TimeProvider? clock = null, TimeSpan? refreshInterval = null, string stepUnit = "step")
    {
        _sink = sink ?? NotebookHost.Sink;
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetTimestamp();
        RefreshInterval = refreshInterval ?? TimeSpan.FromSeconds(1);
        Current = new TrainingProgress { Title = title, TotalSteps = totalSteps, StepUnit = stepUnit };
    }

    public TimeSpan RefreshInterval { get; }

    /// <summary>The latest state, whether or not it has been shown yet.</summary>
    public TrainingProgress Current { get; private set; }

    /// <summary>How many times the output was shown or updated.</summary>
    public int Refreshes { get; private set; }

    /// <summary>
    /// Records step <paramref name="step"/> (1-based count of steps done). Losses, D outputs and samples not
    /// given keep their previous values. Returns whether the display was refreshed.
    /// </summary>
    public bool Report(long step, (string Name, double Value)[]? losses = null, double? dReal = null, double? dFake = null, ImageGrid? samples = null)
    {
        var merged = new Dictionary<string, double>(Current.Losses);
        foreach (var (name, value) in losses ?? [])
        {
            merged[name] = value;
        }

        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_started, now);
        var speed = elapsed > TimeSpan.Zero ? step / elapsed.TotalSeconds : 0;
        Current = Current with
        {
            Step = step,
            Losses = merged,
            DReal = dReal ?? Current.DReal,
            DFake = dFake ?? Current.DFake,
            Samples = samples ?? Current.Samples,
            Elapsed = elapsed,
            StepsPerSecond = speed,
            Eta = speed > 0 ? TimeSpan.FromSeconds(Math.Max(0, Current.TotalSteps - step) / speed) : null,
        };

        if (_handle is not null && _clock.GetElapsedTime(_lastRefresh, now) < RefreshInterval)
        {
            return false;
        }

        Refresh(now);
        return true;
    }

    /// <summary>Shows the final state; <paramref name="stopped"/> marks a run cut short (e.g. cancelled).</summary>
    public void Complete(bool stopped = false)
    {
        Current = Current with { State = stopped ? "stopped" : "done", Eta = stopped ? null : TimeSpan.Zero };
        Refresh(_clock.GetTimestamp());
    }

    private void Refresh(long now)
    {
        if (_handle is null)
        {
            _handle = _sink.Show(Current);
        }
        else
        {
            _handle.Update(Current);
        }

        _lastRefresh = now;
        Refreshes++;
    }
}
