using System.Text;
using System.Text.Json;
using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Charts;

/// <summary>
/// The interactive form of a figure or animation: Plotly figure JSON (data, layout, frames) under
/// application/vnd.plotly.v1+json, which VS Code and JupyterLab render natively, with the static SVG
/// alongside for frontends that do not. Nothing here loads plotly.js from a CDN.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<PlotlyFigure>), PreferredMimeTypes = [Mime.PlotlyJson, Mime.Svg, Mime.PlainText])]
public sealed class PlotlyFigure : IMimeRenderable
{
    private readonly Func<string> _svg;
    private readonly string _description;

    private PlotlyFigure(string json, Func<string> svg, string description)
    {
        Json = json;
        _svg = svg;
        _description = description;
    }

    /// <summary>The figure as Plotly JSON: <c>{"data": [...], "layout": {...}, "frames": [...]}</c>.</summary>
    public string Json { get; }

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<PlotlyFigure>.PreferredMimeTypes;

    public static PlotlyFigure From(Figure figure)
    {
        var json = Write(writer =>
        {
            writer.WriteStartArray("data");
            for (var i = 0; i < figure.Panels.Count; i++)
            {
                WriteTraces(writer, figure.Panels[i], i);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("layout");
            WriteTitle(writer, "title", figure.Title);
            writer.WriteNumber("width", figure.Columns * figure.PanelWidth);
            writer.WriteNumber("height", figure.Rows * figure.PanelHeight + (figure.Title is null ? 0 : 40));
            if (figure.Panels.Count > 1)
            {
                writer.WriteStartObject("grid");
                writer.WriteNumber("rows", figure.Rows);
                writer.WriteNumber("columns", figure.Columns);
                writer.WriteString("pattern", "independent");
                writer.WriteEndObject();
            }

            for (var i = 0; i < figure.Panels.Count; i++)
            {
                WriteAxes(writer, figure.Panels[i], i, null);
            }

            WritePanelTitles(writer, figure.Panels);
            writer.WriteEndObject();
        });
        return new PlotlyFigure(json, figure.ToSvg, figure.ToString());
    }

    public static PlotlyFigure From(Animation animation)
    {
        var last = animation.LastFrame();
        var ranges = animation.SharedRanges();
        var labels = animation.Frames.Select(f => f.Label).ToArray();
        var json = Write(writer =>
        {
            writer.WriteStartArray("data");
            WriteTraces(writer, animation.Frames[0].Frame, 0);
            writer.WriteEndArray();

            writer.WriteStartObject("layout");
            WriteTitle(writer, "title", FrameTitle(animation, 0));
            WriteAxes(writer, last, 0, ranges);
            WriteSlider(writer, labels);
            WritePlayButtons(writer);
            writer.WriteEndObject();

            writer.WriteStartArray("frames");
            for (var i = 0; i < animation.Frames.Count; i++)
            {
                var (label, frame) = animation.Frames[i];
                writer.WriteStartObject();
                writer.WriteString("name", label);
                writer.WriteStartArray("data");
                WriteTraces(writer, frame, 0);
                writer.WriteEndArray();
                writer.WriteStartObject("layout");
                WriteTitle(writer, "title", FrameTitle(animation, i));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        return new PlotlyFigure(json, () => last.RenderToString(Mime.Svg), animation.ToString());
    }

    // The title names the frame being shown, so a paused animation says which step it is at.
    private static string FrameTitle(Animation animation, int frame)
    {
        var (label, chart) = animation.Frames[frame];
        var title = animation.Title ?? chart.Title;
        return title is null ? label : $"{title} — {label}";
    }

    public void Render(string mimeType, TextWriter writer) => writer.Write(mimeType switch
    {
        Mime.PlotlyJson => Json,
        Mime.Svg => _svg(),
        _ => ToString(),
    });

    public override string ToString() => $"Plotly figure — {_description}";

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTraces(Utf8JsonWriter writer, Chart chart, int panel)
    {
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var color = series.Color ?? Palette.Color(i);
            writer.WriteStartObject();
            if (series.Name is not null)
            {
                writer.WriteString("name", series.Name);
            }

            writer.WriteBoolean("showlegend", series.Name is not null && series is not (HeatmapSeries or ImageSeries));
            writer.WriteString("xaxis", AxisId("x", panel));
            writer.WriteString("yaxis", AxisId("y", panel));
            switch (series)
            {
                case LineSeries line:
                    writer.WriteString("type", "scatter");
                    writer.WriteString("mode", "lines");
                    WriteNumbers(writer, "x", line.X);
                    WriteNumbers(writer, "y", line.Y);
                    writer.WriteStartObject("line");
                    writer.WriteString("color", color);
                    writer.WriteString("dash", line.Dashed ? "dash" : "solid");
                    writer.WriteEndObject();
                    break;
                case BandSeries band:
                    writer.WriteString("type", "scatter");
                    writer.WriteString("mode", "lines");
                    writer.WriteString("fill", "toself");
                    writer.WriteString("fillcolor", color);
                    writer.WriteNumber("opacity", band.Opacity);
                    WriteNumbers(writer, "x", band.X.Concat(band.X.Reverse()).ToArray());
                    WriteNumbers(writer, "y", band.Upper.Concat(band.Lower.Reverse()).ToArray());
                    writer.WriteStartObject("line");
                    writer.WriteNumber("width", 0);
                    writer.WriteString("color", color);
                    writer.WriteEndObject();
                    break;
                case ScatterSeries scatter:
                    writer.WriteString("type", "scatter");
                    writer.WriteString("mode", "markers");
                    WriteNumbers(writer, "x", scatter.X);
                    WriteNumbers(writer, "y", scatter.Y);
                    writer.WriteStartObject("marker");
                    writer.WriteString("color", color);
                    writer.WriteNumber("size", scatter.MarkerSize * 2);
                    writer.WriteEndObject();
                    break;
                case HistogramSeries histogram:
                    writer.WriteString("type", "histogram");
                    WriteNumbers(writer, "x", histogram.Values);
                    writer.WriteBoolean("autobinx", false);
                    writer.WriteStartObject("xbins");
                    writer.WriteNumber("start", histogram.Start);
                    writer.WriteNumber("end", histogram.End);
                    writer.WriteNumber("size", histogram.BinWidth);
                    writer.WriteEndObject();
                    writer.WriteNumber("opacity", 0.6);
                    writer.WriteStartObject("marker");
                    writer.WriteString("color", color);
                    writer.WriteEndObject();
                    break;
                case ImageSeries image:
                    writer.WriteString("type", "image");
                    writer.WriteString("source", "data:image/png;base64," + Convert.ToBase64String(image.Png));
                    writer.WriteString("hoverinfo", "skip");
                    break;
                case HeatmapSeries heatmap:
                    writer.WriteString("type", "heatmap");
                    writer.WriteString("colorscale", "Viridis");
                    writer.WriteStartArray("z");
                    for (var r = 0; r < heatmap.Rows; r++)
                    {
                        WriteNumbers(writer, null, Enumerable.Range(0, heatmap.Columns).Select(c => heatmap.Values[r, c]).ToArray());
                    }

                    writer.WriteEndArray();
                    break;
            }

            writer.WriteEndObject();
        }
    }

    private static void WriteAxes(Utf8JsonWriter writer, Chart chart, int panel, ((double Min, double Max) X, (double Min, double Max) Y)? ranges)
    {
        var suffix = AxisSuffix(panel);
        var xRange = ranges?.X ?? chart.XRange;
        var yRange = ranges?.Y ?? chart.YRange;
        if (chart.IsImage)
        {
            // Plotly's image trace puts row 0 at the top and keeps square pixels; the axes mean nothing here.
            writer.WriteStartObject("xaxis" + suffix);
            writer.WriteBoolean("visible", false);
            writer.WriteEndObject();
            writer.WriteStartObject("yaxis" + suffix);
            writer.WriteBoolean("visible", false);
            writer.WriteString("scaleanchor", AxisId("x", panel));
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject("xaxis" + suffix);
        WriteTitle(writer, "title", chart.XLabel);
        WriteRange(writer, xRange);
        writer.WriteEndObject();
        writer.WriteStartObject("yaxis" + suffix);
        WriteTitle(writer, "title", chart.YLabel);
        WriteRange(writer, yRange);
        if (chart.Series.Any(s => s is HeatmapSeries))
        {
            writer.WriteString("autorange", "reversed");
        }

        writer.WriteEndObject();
    }

    private static void WritePanelTitles(Utf8JsonWriter writer, IReadOnlyList<Chart> panels)
    {
        writer.WriteStartArray("annotations");
        for (var i = 0; i < panels.Count; i++)
        {
            if (panels[i].Title is null)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("text", panels[i].Title);
            writer.WriteString("xref", AxisId("x", i) + " domain");
            writer.WriteString("yref", AxisId("y", i) + " domain");
            writer.WriteNumber("x", 0.5);
            writer.WriteNumber("y", 1.08);
            writer.WriteBoolean("showarrow", false);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSlider(Utf8JsonWriter writer, string[] labels)
    {
        writer.WriteStartArray("sliders");
        writer.WriteStartObject();
        writer.WriteNumber("active", 0);
        writer.WriteStartArray("steps");
        foreach (var label in labels)
        {
            WriteAnimateControl(writer, label, mode: "immediate", frameDuration: 0, frames: w =>
            {
                w.WriteStartArray();
                w.WriteStringValue(label);
                w.WriteEndArray();
            });
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WritePlayButtons(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("updatemenus");
        writer.WriteStartObject();
        writer.WriteString("type", "buttons");
        writer.WriteBoolean("showactive", false);
        writer.WriteStartArray("buttons");

        // Plotly.animate(null) plays every frame; animate([null]) stops on the current one.
        WriteAnimateControl(writer, "Play", mode: "afterall", frameDuration: 400, frames: w => w.WriteNullValue());
        WriteAnimateControl(writer, "Pause", mode: "immediate", frameDuration: 0, frames: w =>
        {
            w.WriteStartArray();
            w.WriteNullValue();
            w.WriteEndArray();
        });

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>A slider step or button that calls <c>Plotly.animate(frames, options)</c>.</summary>
    private static void WriteAnimateControl(Utf8JsonWriter writer, string label, string mode, int frameDuration, Action<Utf8JsonWriter> frames)
    {
        writer.WriteStartObject();
        writer.WriteString("label", label);
        writer.WriteString("method", "animate");
        writer.WriteStartArray("args");
        frames(writer);
        WriteAnimationOptions(writer, mode, frameDuration);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAnimationOptions(Utf8JsonWriter writer, string mode, int frameDuration)
    {
        writer.WriteStartObject();
        writer.WriteString("mode", mode);
        writer.WriteBoolean("fromcurrent", true);
        writer.WriteStartObject("frame");
        writer.WriteNumber("duration", frameDuration);
        writer.WriteBoolean("redraw", true);
        writer.WriteEndObject();
        writer.WriteStartObject("transition");
        writer.WriteNumber("duration", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteTitle(Utf8JsonWriter writer, string property, string? text)
    {
        if (text is null)
        {
            return;
        }

        writer.WriteStartObject(property);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, (double Min, double Max)? range)
    {
        if (range is { } r)
        {
            writer.WriteStartArray("range");
            writer.WriteNumberValue(r.Min);
            writer.WriteNumberValue(r.Max);
            writer.WriteEndArray();
        }
    }

    // JSON has no NaN or infinity; Plotly reads null as a gap.
    private static void WriteNumbers(Utf8JsonWriter writer, string? property, IReadOnlyList<double> values)
    {
        if (property is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(property);
        }

        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    // Plotly names the first panel's axes x/y (layout keys xaxis/yaxis) and the n-th panel's xn/yn.
    private static string AxisId(string axis, int panel) => axis + AxisSuffix(panel);

    private static string AxisSuffix(int panel) =>
        panel == 0 ? "" : (panel + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
