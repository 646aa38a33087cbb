using System.Globalization;
using System.Net;
using System.Text;

namespace GanKit.Display.Charts;

/// <summary>Draws a <see cref="Figure"/> as a standalone SVG document.</summary>
internal static class SvgChartRenderer
{
    private const int FigureTitleHeight = 32;
    private const double MarginLeft = 64, MarginRight = 16, MarginTop = 34, MarginBottom = 46;

    /// <summary>Space around a picture in an image panel, and above it for the panel's title.</summary>
    internal const int ImageMargin = 6, ImageTitleHeight = 28;

    public static string Render(Figure figure)
    {
        var titleHeight = figure.Title is null ? 0 : FigureTitleHeight;
        var width = figure.Columns * figure.PanelWidth;
        var height = figure.Rows * figure.PanelHeight + titleHeight;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"));
        if (figure.Title is not null)
        {
            Text(svg, width / 2.0, 22, figure.Title, "middle", "font-size=\"16\" font-weight=\"bold\"");
        }

        for (var i = 0; i < figure.Panels.Count; i++)
        {
            var left = i % figure.Columns * figure.PanelWidth;
            var top = i / figure.Columns * figure.PanelHeight + titleHeight;
            RenderPanel(svg, figure.Panels[i], left, top, figure.PanelWidth, figure.PanelHeight);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void RenderPanel(StringBuilder svg, Chart chart, double left, double top, double width, double height)
    {
        if (chart.IsImage)
        {
            RenderImagePanel(svg, chart, left, top, width, height);
            return;
        }

        var plot = new PlotArea(chart, left + MarginLeft, top + MarginTop, width - MarginLeft - MarginRight, height - MarginTop - MarginBottom);
        if (chart.Title is not null)
        {
            Text(svg, left + width / 2, top + 20, chart.Title, "middle", "font-size=\"14\"");
        }

        DrawAxes(svg, plot, chart);
        svg.Append(Invariant($"<svg x=\"{plot.Left}\" y=\"{plot.Top}\" width=\"{plot.Width}\" height=\"{plot.Height}\" viewBox=\"{plot.Left} {plot.Top} {plot.Width} {plot.Height}\" overflow=\"hidden\">"));
        for (var i = 0; i < chart.Series.Count; i++)
        {
            DrawSeries(svg, plot, chart.Series[i], chart.Series[i].Color ?? Palette.Color(i));
        }

        svg.Append("</svg>");
        DrawLegend(svg, plot, chart);
    }

    // A picture keeps its aspect ratio, scaled to fit below the title, and is drawn with sharp pixels.
    private static void RenderImagePanel(StringBuilder svg, Chart chart, double left, double top, double width, double height)
    {
        const double margin = ImageMargin;
        var titleHeight = chart.Title is null ? 0 : ImageTitleHeight;
        if (chart.Title is not null)
        {
            Text(svg, left + width / 2, top + 19, chart.Title, "middle", "font-size=\"14\"");
        }

        foreach (var image in chart.Series.OfType<ImageSeries>())
        {
            var scale = Math.Min((width - 2 * margin) / image.Width, (height - titleHeight - 2 * margin) / image.Height);
            var (w, h) = (image.Width * scale, image.Height * scale);
            var x = left + (width - w) / 2;
            var y = top + titleHeight + margin;
            svg.Append(Invariant($"<image x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\"><title>{WebUtility.HtmlEncode(image.Name ?? image.ToString())}</title></image>"));
        }
    }

    private static void DrawAxes(StringBuilder svg, PlotArea plot, Chart chart)
    {
        svg.Append(Invariant($"<rect x=\"{plot.Left}\" y=\"{plot.Top}\" width=\"{plot.Width}\" height=\"{plot.Height}\" fill=\"none\" stroke=\"#444\"/>"));
        foreach (var tick in AxisTicks.For(plot.Bounds.X.Min, plot.Bounds.X.Max))
        {
            var x = plot.MapX(tick);
            svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{plot.Top}\" x2=\"{x}\" y2=\"{plot.Bottom}\" stroke=\"#e5e5e5\"/>"));
            Text(svg, x, plot.Bottom + 16, Number(tick), "middle");
        }

        foreach (var tick in AxisTicks.For(plot.Bounds.Y.Min, plot.Bounds.Y.Max))
        {
            var y = plot.MapY(tick);
            svg.Append(Invariant($"<line x1=\"{plot.Left}\" y1=\"{y}\" x2=\"{plot.Right}\" y2=\"{y}\" stroke=\"#e5e5e5\"/>"));
            Text(svg, plot.Left - 6, y + 4, Number(tick), "end");
        }

        if (chart.XLabel is not null)
        {
            Text(svg, plot.Left + plot.Width / 2, plot.Bottom + 36, chart.XLabel, "middle");
        }

        if (chart.YLabel is not null)
        {
            var x = plot.Left - 48;
            var y = plot.Top + plot.Height / 2;
            Text(svg, x, y, chart.YLabel, "middle", Invariant($"transform=\"rotate(-90 {x} {y})\""));
        }
    }

    private static void DrawSeries(StringBuilder svg, PlotArea plot, Series series, string color)
    {
        switch (series)
        {
            case LineSeries line:
                var points = string.Join(" ", Enumerable.Range(0, line.X.Count)
                    .Where(i => double.IsFinite(line.X[i]) && double.IsFinite(line.Y[i]))
                    .Select(i => Invariant($"{plot.MapX(line.X[i])},{plot.MapY(line.Y[i])}")));
                var dash = line.Dashed ? " stroke-dasharray=\"6 4\"" : "";
                svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.8\"{dash} points=\"{points}\"/>"));
                break;
            case BandSeries band:
                var outline = Enumerable.Range(0, band.X.Count).Select(i => (band.X[i], band.Upper[i]))
                    .Concat(Enumerable.Range(0, band.X.Count).Reverse().Select(i => (band.X[i], band.Lower[i])))
                    .Where(p => double.IsFinite(p.Item1) && double.IsFinite(p.Item2))
                    .Select(p => Invariant($"{plot.MapX(p.Item1)},{plot.MapY(p.Item2)}"));
                svg.Append(Invariant($"<polygon fill=\"{color}\" fill-opacity=\"{band.Opacity}\" stroke=\"none\" points=\"{string.Join(" ", outline)}\"/>"));
                break;
            case ScatterSeries scatter:
                svg.Append(Invariant($"<g fill=\"{color}\" fill-opacity=\"0.7\">"));
                for (var i = 0; i < scatter.X.Count; i++)
                {
                    if (double.IsFinite(scatter.X[i]) && double.IsFinite(scatter.Y[i]))
                    {
                        svg.Append(Invariant($"<circle cx=\"{plot.MapX(scatter.X[i])}\" cy=\"{plot.MapY(scatter.Y[i])}\" r=\"{scatter.MarkerSize}\"/>"));
                    }
                }

                svg.Append("</g>");
                break;
            case HistogramSeries histogram:
                svg.Append(Invariant($"<g fill=\"{color}\" fill-opacity=\"0.6\" stroke=\"white\" stroke-width=\"0.5\">"));
                var counts = histogram.Counts();
                for (var bin = 0; bin < counts.Length; bin++)
                {
                    var x0 = plot.MapX(histogram.Start + bin * histogram.BinWidth);
                    var x1 = plot.MapX(histogram.Start + (bin + 1) * histogram.BinWidth);
                    var y = plot.MapY(counts[bin]);
                    svg.Append(Invariant($"<rect x=\"{x0}\" y=\"{y}\" width=\"{x1 - x0}\" height=\"{plot.MapY(0) - y}\"/>"));
                }

                svg.Append("</g>");
                break;
            case HeatmapSeries heatmap:
                DrawHeatmap(svg, plot, heatmap);
                break;
        }
    }

    private static void DrawHeatmap(StringBuilder svg, PlotArea plot, HeatmapSeries heatmap)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in heatmap.Values)
        {
            if (double.IsFinite(value))
            {
                (min, max) = (Math.Min(min, value), Math.Max(max, value));
            }
        }

        var extent = max > min ? max - min : 1;
        for (var r = 0; r < heatmap.Rows; r++)
        {
            for (var c = 0; c < heatmap.Columns; c++)
            {
                var x0 = plot.MapX(c);
                var y0 = plot.MapY(r);
                svg.Append(Invariant($"<rect x=\"{x0}\" y=\"{Math.Min(y0, plot.MapY(r + 1))}\" width=\"{plot.MapX(c + 1) - x0}\" height=\"{Math.Abs(plot.MapY(r + 1) - y0)}\" fill=\"{Palette.Viridis((heatmap.Values[r, c] - min) / extent)}\"/>"));
            }
        }
    }

    private static void DrawLegend(StringBuilder svg, PlotArea plot, Chart chart)
    {
        var entries = chart.Series.Select((s, i) => (s, Color: s.Color ?? Palette.Color(i))).Where(e => e.s.Name is not null && e.s is not HeatmapSeries).ToArray();
        if (entries.Length == 0)
        {
            return;
        }

        var boxWidth = 28 + entries.Max(e => e.s.Name!.Length) * 7;
        var left = plot.Right - boxWidth - 8;
        var top = plot.Top + 8;
        svg.Append(Invariant($"<rect x=\"{left}\" y=\"{top}\" width=\"{boxWidth}\" height=\"{entries.Length * 18 + 6}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>"));
        for (var i = 0; i < entries.Length; i++)
        {
            var y = top + 14 + i * 18;
            var (series, color) = entries[i];
            svg.Append(series switch
            {
                ScatterSeries => Invariant($"<circle cx=\"{left + 12}\" cy=\"{y - 4}\" r=\"4\" fill=\"{color}\"/>"),
                HistogramSeries => Invariant($"<rect x=\"{left + 6}\" y=\"{y - 9}\" width=\"12\" height=\"10\" fill=\"{color}\" fill-opacity=\"0.6\"/>"),
                BandSeries band => Invariant($"<rect x=\"{left + 6}\" y=\"{y - 9}\" width=\"12\" height=\"10\" fill=\"{color}\" fill-opacity=\"{Math.Max(band.Opacity, 0.35)}\"/>"),
                LineSeries { Dashed: true } => Invariant($"<line x1=\"{left + 4}\" y1=\"{y - 4}\" x2=\"{left + 20}\" y2=\"{y - 4}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>"),
                _ => Invariant($"<line x1=\"{left + 4}\" y1=\"{y - 4}\" x2=\"{left + 20}\" y2=\"{y - 4}\" stroke=\"{color}\" stroke-width=\"2\"/>"),
            });
            Text(svg, left + 24, y, series.Name!, "start");
        }
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, string extra = "") =>
        svg.Append(Invariant($"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" {extra}>{WebUtility.HtmlEncode(text)}</text>"));

    // Ticks computed as multiples of a step can land on −0 (or −1e-17): show them as 0.
    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture) is var text && text == "-0" ? "0" : text;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Maps data coordinates to pixels inside a panel; heatmaps put row 0 at the top.</summary>
    private sealed class PlotArea(Chart chart, double left, double top, double width, double height)
    {
        private readonly bool _rowsDown = chart.Series.Any(s => s is HeatmapSeries);

        public ChartBounds Bounds { get; } = ChartBounds.Of(chart);

        public double Left { get; } = left;

        public double Top { get; } = top;

        public double Width { get; } = width;

        public double Height { get; } = height;

        public double Right => Left + Width;

        public double Bottom => Top + Height;

        public double MapX(double x) => Math.Round(Left + (x - Bounds.X.Min) / (Bounds.X.Max - Bounds.X.Min) * Width, 2);

        public double MapY(double y)
        {
            var t = (y - Bounds.Y.Min) / (Bounds.Y.Max - Bounds.Y.Min);
            return Math.Round(_rowsDown ? Top + t * Height : Bottom - t * Height, 2);
        }
    }
}
