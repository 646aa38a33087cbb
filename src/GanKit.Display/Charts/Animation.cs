using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Charts;

/// <summary>
/// A chart that changes over training: one frame per epoch or step, each a <see cref="Chart"/> with a label.
/// Displays as Plotly JSON with a slider and play button where the frontend renders Plotly, and as the
/// last frame in SVG everywhere else. Axis ranges are shared by all frames so motion is comparable.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<Animation>), PreferredMimeTypes = [Mime.PlotlyJson, Mime.Svg, Mime.PlainText])]
public sealed class Animation : IMimeRenderable
{
    private readonly List<(string Label, Chart Frame)> _frames = [];

    public Animation(string? title = null) => Title = title;

    public string? Title { get; }

    public IReadOnlyList<(string Label, Chart Frame)> Frames => _frames;

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<Animation>.PreferredMimeTypes;

    /// <summary>Appends a frame; frames keep the order they were added in.</summary>
    public Animation Add(string label, Chart frame)
    {
        _frames.Add((label, frame));
        return this;
    }

    /// <summary>The last frame, with the shared axis ranges and the frame label in its title.</summary>
    public Chart LastFrame()
    {
        if (_frames.Count == 0)
        {
            throw new InvalidOperationException("The animation has no frames yet.");
        }

        var (label, last) = _frames[^1];
        var (xRange, yRange) = SharedRanges();
        var chart = new Chart($"{Title ?? last.Title} — {label} ({_frames.Count} frames)", last.XLabel, last.YLabel)
        {
            XRange = xRange,
            YRange = yRange,
        };
        foreach (var series in last.Series)
        {
            chart.Add(series);
        }

        return chart;
    }

    /// <summary>Axis ranges covering every frame.</summary>
    public ((double Min, double Max) X, (double Min, double Max) Y) SharedRanges()
    {
        var bounds = _frames.Select(f => ChartBounds.Of(f.Frame)).ToArray();
        return ((bounds.Min(b => b.X.Min), bounds.Max(b => b.X.Max)), (bounds.Min(b => b.Y.Min), bounds.Max(b => b.Y.Max)));
    }

    public PlotlyFigure ToPlotly() => PlotlyFigure.From(this);

    public void Render(string mimeType, TextWriter writer)
    {
        switch (mimeType)
        {
            case Mime.PlotlyJson:
                ToPlotly().Render(mimeType, writer);
                break;
            case Mime.Svg:
                LastFrame().Render(mimeType, writer);
                break;
            default:
                writer.Write(ToString());
                break;
        }
    }

    public override string ToString() =>
        $"Animation{(Title is null ? "" : $" \"{Title}\"")}: {_frames.Count} frames" +
        (_frames.Count == 0 ? "" : $", last: {Figure.Describe(_frames[^1].Frame)}");
}
