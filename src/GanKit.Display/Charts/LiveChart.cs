using GanKit.Display.Hosting;

namespace GanKit.Display.Charts;

/// <summary>
/// A chart redrawn in place as something runs (a training figure after every epoch): shown once, replaced by each
/// <see cref="Update"/>, finished by <see cref="Complete"/>. The states in between carry only the interactive chart
/// (frontends draw it from the Plotly JSON; a static image would cost a fraction of a second each); the completed
/// state also carries the static image, which is what a saved notebook keeps for GitHub and nbviewer.
/// </summary>
public sealed class LiveChart
{
    private readonly IDisplayHandle _handle;

    /// <param name="first">The chart as it starts.</param>
    /// <param name="sink">Where it shows; <see cref="NotebookHost.Sink"/> by default (the running cell, or the console).</param>
    public LiveChart(PlotlyChart first, IDisplaySink? sink = null) =>
        _handle = (sink ?? NotebookHost.Sink).Show(first.WithoutImage());

    /// <summary>True once <see cref="Complete"/> has drawn the final state.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Replaces the chart with an in-between state.</summary>
    public void Update(PlotlyChart chart) => _handle.Update(chart.WithoutImage());

    /// <summary>Replaces the chart with its final state, static image included.</summary>
    public void Complete(PlotlyChart chart)
    {
        _handle.Update(chart);
        IsComplete = true;
    }
}
