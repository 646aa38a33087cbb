using GanKit.Display.Charts;
using GanKit.Display.Images;
using GanKit.Display.Tables;
using GanKit.Tracking;

namespace GanKit.Visualization;

/// <summary>
/// Tracked runs side by side, as an experiment tracker's compare view: the parameters that differ, the same curves
/// overlaid, and the images logged at the same step next to each other.
/// </summary>
public static class RunPlots
{
    private static readonly string[] Colors = [GanPlots.Blue, GanPlots.Orange, GanPlots.Green, GanPlots.Red, GanPlots.Purple];

    /// <summary>One row per parameter whose value differs (seed included), one column per run.</summary>
    public static Table Differences(IReadOnlyList<RunRecord> runs, string title = "Parameters that differ")
    {
        var table = new Table(["parameter", .. runs.Select(r => r.Info.Name)]) { Title = title };
        foreach (var difference in Runs.Differences(runs.Select(r => r.Info).ToList()))
        {
            table.AddRow([difference.Name, .. difference.Values]);
        }

        return table;
    }

    /// <summary>One panel per scalar tag, each run a line in its own colour (the same colour in every panel).</summary>
    public static PlotlyChart Curves(IReadOnlyList<RunRecord> runs, IReadOnlyList<string> tags, string? title = null,
        IReadOnlyDictionary<string, (double Min, double Max)>? yRanges = null)
    {
        if (runs.Count == 0 || tags.Count == 0)
        {
            throw new ArgumentException("comparing curves needs at least one run and one tag");
        }

        var panels = tags.Select(tag => new ChartPanel(tag, "step", null, runs.Select((run, i) =>
            {
                var points = run.Scalars(tag);
                return PlotlyCharts.Line(points.Select(p => (double)p.Step), points.Select(p => p.Value), run.Info.Name, Colors[i % Colors.Length]);
            }).ToArray())
            // A tag without a given range fits its data (GetValueOrDefault would give the empty range (0, 0)).
            { YRange = yRanges is not null && yRanges.TryGetValue(tag, out var range) ? range : null }).ToArray();
        return PlotlyCharts.Grid(Math.Min(2, panels.Length), title, 480, 320, panels);
    }

    /// <summary>The image each run logged under <paramref name="tag"/> at <paramref name="step"/>, labelled with the run's name.</summary>
    public static PlotlyChart Images(IReadOnlyList<RunRecord> runs, string tag, long step, double pixelScale = 2, string? title = null)
    {
        var panels = runs.Select(run =>
        {
            var image = run.Image(tag, step);
            return PlotlyCharts.ImagePanel(run.Info.Name, image.Image!, image.ImageWidth, image.ImageHeight);
        }).ToArray();
        return ImageFigures.Gallery(runs.Count, title ?? $"{tag} at step {step}", pixelScale, panels);
    }
}
