using Plotly.NET;

namespace GanKit.Display.Charts;

/// <summary>
/// One plot panel before it becomes a chart: its traces (Plotly.NET trace objects, e.g. from
/// <see cref="PlotlyCharts.Line"/>), axis titles and optional fixed ranges (null: plotly.js fits the data, with
/// its own padding). <see cref="PlotlyCharts.Single"/> makes one chart of it, <see cref="PlotlyCharts.Grid"/>
/// several side by side.
/// </summary>
public sealed record ChartPanel(string? Title, string? XLabel, string? YLabel, IReadOnlyList<Trace> Traces)
{
    public (double Min, double Max)? XRange { get; init; }

    public (double Min, double Max)? YRange { get; init; }

    /// <summary>A logarithmic x axis (positive x only), for sweeps over several orders of magnitude or a region near 0.</summary>
    public bool XLog { get; init; }

    /// <summary>Where the x axis has its ticks (null: plotly.js chooses), e.g. epoch 1 and every fifth.</summary>
    public IReadOnlyList<double>? XTicks { get; init; }

    /// <summary>The text of each of <see cref="XTicks"/> (null: the numbers), e.g. "N = 1,000" at x = 1/1000.</summary>
    public IReadOnlyList<string>? XTickLabels { get; init; }

    /// <summary>A logarithmic y axis (positive y only), for values that span orders of magnitude.</summary>
    public bool YLog { get; init; }

    /// <summary>One unit is as long on y as on x, so a circle in the data is drawn round.</summary>
    public bool EqualAxes { get; init; }

    /// <summary>True for a picture panel: no axes, square pixels, row 0 at the top.</summary>
    public bool IsImage { get; init; }
}
