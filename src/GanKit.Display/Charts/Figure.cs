using System.Globalization;
using System.Text;
using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Charts;

/// <summary>
/// A titled grid of chart panels (subplots), filled row by row. Displays as SVG; <see cref="ToPlotly"/>
/// gives the interactive version.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<Figure>), PreferredMimeTypes = [Mime.Svg, Mime.PlainText])]
public sealed class Figure : IMimeRenderable
{
    public Figure(int columns, IEnumerable<Chart> panels, string? title = null)
    {
        Panels = panels.ToArray();
        if (Panels.Count == 0 || columns <= 0)
        {
            throw new ArgumentException("A figure needs at least one panel and a positive column count.");
        }

        Columns = Math.Min(columns, Panels.Count);
        Title = title;
    }

    public IReadOnlyList<Chart> Panels { get; }

    public int Columns { get; }

    public int Rows => (Panels.Count + Columns - 1) / Columns;

    public string? Title { get; }

    /// <summary>Size of one panel in pixels.</summary>
    public int PanelWidth { get; init; } = 480;

    public int PanelHeight { get; init; } = 320;

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<Figure>.PreferredMimeTypes;

    /// <summary>Panels side by side in one row.</summary>
    public static Figure Row(params Chart[] panels) => new(panels.Length, panels);

    /// <summary>Panels in a grid with <paramref name="columns"/> per row.</summary>
    public static Figure Grid(int columns, params Chart[] panels) => new(columns, panels);

    internal static Figure Of(Chart chart) => new(1, [chart]);

    public string ToSvg() => SvgChartRenderer.Render(this);

    public PlotlyFigure ToPlotly() => PlotlyFigure.From(this);

    public void Render(string mimeType, TextWriter writer) =>
        writer.Write(mimeType == Mime.Svg ? ToSvg() : ToString());

    public override string ToString()
    {
        var text = new StringBuilder();
        if (Title is not null)
        {
            text.AppendLine(Title);
        }

        text.Append(string.Join(Environment.NewLine, Panels.Select(Describe)));
        return text.ToString();
    }

    /// <summary>A one-line summary of a panel, the text/plain rendering of charts.</summary>
    internal static string Describe(Chart chart)
    {
        var series = chart.Series.Select(s => s switch
        {
            LineSeries line => $"line {s.Name ?? "(unnamed)"} ({line.X.Count} points{LastValue(line.Y)})",
            BandSeries band => $"band {s.Name ?? "(unnamed)"} ({band.X.Count} points)",
            ScatterSeries scatter => $"scatter {s.Name ?? "(unnamed)"} ({scatter.X.Count} points)",
            HistogramSeries histogram => $"histogram {s.Name ?? "(unnamed)"} ({histogram.Values.Count} values, {histogram.BinCount} bins)",
            ImageSeries image => $"image {image.Name ?? "(unnamed)"} ({image.Width}×{image.Height} px)",
            HeatmapSeries heatmap => $"heatmap {s.Name ?? "(unnamed)"} ({heatmap.Rows}×{heatmap.Columns})",
            _ => s.GetType().Name,
        });
        return $"Chart{(chart.Title is null ? "" : $" \"{chart.Title}\"")}: {string.Join("; ", series.DefaultIfEmpty("empty"))}";
    }

    private static string LastValue(IReadOnlyList<double> y) =>
        y.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", last {y[^1]:G4}");
}
