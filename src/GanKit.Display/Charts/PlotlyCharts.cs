using System.Globalization;
using System.Text.Json.Nodes;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace GanKit.Display.Charts;

/// <summary>
/// Builds Plotly.NET charts from C# on net8.0. Plotly.NET's own chart functions take F# options that C# cannot
/// leave out, and Plotly.NET.CSharp needs net10.0, so GanKit sets the plotly.js attributes on Plotly.NET's trace and
/// layout objects directly; what comes out is an ordinary <see cref="GenericChart"/> that Plotly.NET (F#, or
/// Plotly.NET.CSharp on net10.0) restyles as usual. Charts carry no template: plotly.js's defaults draw them, in the
/// frontend and in the static image alike, and the notebook stays small.
/// </summary>
public static class PlotlyCharts
{
    /// <summary>The pixels a chart title adds above the panels.</summary>
    private const int TitleHeight = 40;

    /// <summary>Pixels above a picture for its title, between pictures, and around a grid of them.</summary>
    private const int PanelTitleHeight = 24, PictureGap = 12, PictureMargin = 10;

    /// <summary>A polyline through (x, y); unnamed traces stay out of the legend.</summary>
    public static Trace Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null, string? color = null, bool dashed = false)
    {
        var trace = Xy("lines", x, y, name);
        trace.SetProperty("line", Attributes(("color", color), ("dash", dashed ? "dash" : "solid")));
        return trace;
    }

    /// <summary>Unconnected points of <paramref name="size"/> pixels.</summary>
    public static Trace Points(IEnumerable<double> x, IEnumerable<double> y, string? name = null, string? color = null, double size = 6, double opacity = 1)
    {
        var trace = Xy("markers", x, y, name);
        trace.SetProperty("marker", Attributes(("color", color), ("size", size), ("opacity", opacity)));
        return trace;
    }

    /// <summary>A filled area between <paramref name="lower"/> and <paramref name="upper"/> over the same x (mean ± std).</summary>
    public static Trace Band(IReadOnlyList<double> x, IReadOnlyList<double> lower, IReadOnlyList<double> upper, string? name = null, string? color = null, double opacity = 0.25)
    {
        if (lower.Count != x.Count || upper.Count != x.Count)
        {
            throw new ArgumentException($"A band needs as many lower ({lower.Count}) and upper ({upper.Count}) values as x values ({x.Count}).");
        }

        var trace = Xy("lines", x.Concat(x.Reverse()), upper.Concat(lower.Reverse()), name);
        trace.SetProperty("fill", "toself");
        trace.SetProperty("opacity", opacity);
        trace.SetProperty("line", Attributes(("color", color), ("width", 0)));
        if (color is not null)
        {
            trace.SetProperty("fillcolor", color);
        }

        return trace;
    }

    /// <summary>A picture (PNG or JPEG bytes) as a Plotly image trace: one axis unit per pixel, row 0 at the top.</summary>
    public static Trace Image(byte[] picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var mime = picture is [0x89, (byte)'P', (byte)'N', (byte)'G', ..] ? "image/png"
            : picture is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
            : throw new ArgumentException("a picture panel takes PNG or JPEG bytes", nameof(picture));
        var trace = new Trace2D("image");
        trace.SetProperty("source", $"data:{mime};base64," + Convert.ToBase64String(picture));
        trace.SetProperty("hoverinfo", "skip");
        return trace;
    }

    /// <summary>A panel holding one picture of <paramref name="width"/> × <paramref name="height"/> pixels, titled, without axes.</summary>
    public static ChartPanel ImagePanel(string? title, byte[] picture, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A picture needs a positive size, got {width}×{height}.");
        }

        return new ChartPanel(title, null, null, [Image(picture)])
        {
            IsImage = true,
            XRange = (-0.5, width - 0.5),
            YRange = (height - 0.5, -0.5),
        };
    }

    /// <summary>
    /// One panel as a chart of <paramref name="width"/> × <paramref name="height"/> pixels (for a picture: the picture's
    /// size on screen, margins and title added), the panel's title as the chart's.
    /// </summary>
    public static PlotlyChart Single(ChartPanel panel, int width = 640, int height = 400) => Single(panel, width, height, controlsHeight: 0);

    private static PlotlyChart Single(ChartPanel panel, int width, int height, int controlsHeight) =>
        Grid(1, panel.Title, width, height - (panel.Title is null || panel.IsImage ? 0 : TitleHeight), [panel with { Title = null }], controlsHeight);

    /// <summary>
    /// Panels in rows of <paramref name="columns"/>, each <paramref name="panelWidth"/> × <paramref name="panelHeight"/>
    /// pixels with its own axes and its title above it; a name shared by traces in several panels (the same run, the
    /// same network) appears once in the legend, which toggles them together.
    /// </summary>
    public static PlotlyChart Grid(int columns, string? title, int panelWidth, int panelHeight, IReadOnlyList<ChartPanel> panels) =>
        Grid(columns, title, panelWidth, panelHeight, panels, controlsHeight: 0);

    /// <param name="controlsHeight">Pixels below the plot for an animation's slider and buttons.</param>
    private static PlotlyChart Grid(int columns, string? title, int panelWidth, int panelHeight, IReadOnlyList<ChartPanel> panels, int controlsHeight)
    {
        if (panels.Count == 0 || columns <= 0 || panelWidth <= 0 || panelHeight <= 0)
        {
            throw new ArgumentException($"A chart needs at least one panel, a positive column count and panel size, got {panels.Count} panels, {columns} columns, {panelWidth}×{panelHeight} pixels.");
        }

        columns = Math.Min(columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;
        var pictures = panels.All(p => p.IsImage);
        var titleHeight = title is null ? 0 : TitleHeight;
        var stripHeight = panels.Any(p => p.Title is not null) ? PanelTitleHeight : 0;
        var layout = new Layout();
        if (pictures)
        {
            // Pictures are laid out to the pixel (panelWidth × panelHeight each, its title above it): no ticks or
            // axis titles to make room for, so the margins are thin and the domains exact.
            // Wide enough for the title (up to 9 pixels a character at plotly.js's 17 px title font: 8 clipped
            // "step 950 (last of 20 frames)" by 2 pixels), pictures centred.
            var picturesWidth = columns * (panelWidth + PictureGap) - PictureGap;
            var side = Math.Max(PictureMargin, ((title?.Length ?? 0) * 9 + 2 * PictureMargin - picturesWidth) / 2);
            layout.SetProperty("width", side * 2 + picturesWidth);
            layout.SetProperty("height", PictureMargin * 2 + titleHeight + rows * (stripHeight + panelHeight + PictureGap) - PictureGap + controlsHeight);
            layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = side, ["r"] = side, ["t"] = PictureMargin + titleHeight, ["b"] = PictureMargin + controlsHeight });
        }
        else
        {
            layout.SetProperty("width", columns * panelWidth);
            layout.SetProperty("height", rows * panelHeight + titleHeight + controlsHeight);
            if (controlsHeight > 0)
            {
                layout.SetProperty("margin", new Dictionary<string, object> { ["b"] = PlotlyBottomMargin + controlsHeight });
            }

            if (panels.Count > 1)
            {
                layout.SetProperty("grid", new Dictionary<string, object> { ["rows"] = rows, ["columns"] = columns, ["pattern"] = "independent", ["ygap"] = 0.35 });
            }
        }

        var traces = new List<Trace>();
        var named = new HashSet<string>();
        var annotations = new List<Dictionary<string, object>>();
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = panels[i];
            foreach (var trace in panel.Traces)
            {
                trace.SetProperty("xaxis", AxisId("x", i));
                trace.SetProperty("yaxis", AxisId("y", i));
                if (trace.TryGetPropertyValue("name") is { } name && name.Value is string text)
                {
                    trace.SetProperty("legendgroup", text);
                    trace.SetProperty("showlegend", named.Add(text));
                }

                traces.Add(trace);
            }

            var xAxis = Axis(panel, panel.XLabel, panel.XRange, isY: false, i);
            if (panel.XTicks is { } ticks)
            {
                xAxis["tickvals"] = ticks.ToArray();
                if (panel.XTickLabels is { } labels)
                {
                    if (labels.Count != ticks.Count)
                    {
                        throw new ArgumentException($"Panel '{panel.Title}' has {ticks.Count} x ticks but {labels.Count} tick labels.");
                    }

                    xAxis["ticktext"] = labels.ToArray();
                }
            }

            if (panel.XLog)
            {
                // plotly.js gives a log axis's range in powers of ten.
                xAxis["type"] = "log";
                if (panel.XRange is { } range)
                {
                    xAxis["range"] = new[] { Math.Log10(range.Min), Math.Log10(range.Max) };
                }
            }

            var yAxis = Axis(panel, panel.YLabel, panel.YRange, isY: true, i);
            if (panel.YLog)
            {
                yAxis["type"] = "log";
                if (panel.YRange is { } range)
                {
                    yAxis["range"] = new[] { Math.Log10(range.Min), Math.Log10(range.Max) };
                }
            }

            if (panel.EqualAxes)
            {
                yAxis["scaleanchor"] = AxisId("x", i);
            }
            if (pictures)
            {
                var (row, column) = (i / columns, i % columns);
                double plotWidth = columns * (panelWidth + PictureGap) - PictureGap;
                double plotHeight = rows * (stripHeight + panelHeight + PictureGap) - PictureGap;
                var left = column * (panelWidth + PictureGap);
                var top = row * (stripHeight + panelHeight + PictureGap) + stripHeight;
                xAxis["domain"] = new[] { left / plotWidth, (left + panelWidth) / plotWidth };
                yAxis["domain"] = new[] { 1 - (top + panelHeight) / plotHeight, 1 - top / plotHeight };
            }

            layout.SetProperty("xaxis" + AxisSuffix(i), xAxis);
            layout.SetProperty("yaxis" + AxisSuffix(i), yAxis);
            if (panel.Title is not null)
            {
                annotations.Add(new Dictionary<string, object>
                {
                    ["text"] = panel.Title,
                    ["xref"] = AxisId("x", i) + " domain",
                    ["yref"] = AxisId("y", i) + " domain",
                    ["x"] = 0.5,
                    ["y"] = 1,
                    ["yanchor"] = "bottom",
                    ["yshift"] = 4,
                    ["showarrow"] = false,
                });
            }
        }

        if (title is not null)
        {
            layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        }

        if (annotations.Count > 0)
        {
            layout.SetProperty("annotations", annotations);
        }

        return new PlotlyChart(GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces)));
    }

    /// <summary>Bars on a categorical axis (each bar named by its category), with optional asymmetric error bars.</summary>
    public static Trace Bars(IReadOnlyList<string> categories, IReadOnlyList<double> values, IReadOnlyList<string>? colors = null,
        IReadOnlyList<double>? errorLow = null, IReadOnlyList<double>? errorHigh = null)
    {
        if (values.Count != categories.Count || colors?.Count is { } c && c != categories.Count)
        {
            throw new ArgumentException($"Bars need one value (got {values.Count}) and one colour per category ({categories.Count}).");
        }

        var trace = new Trace2D("bar");
        trace.SetProperty("x", categories.ToArray());
        trace.SetProperty("y", Numbers(values));
        trace.SetProperty("showlegend", false);
        if (colors is not null)
        {
            trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = colors.ToArray() });
        }

        if (errorLow is not null && errorHigh is not null)
        {
            trace.SetProperty("error_y", new Dictionary<string, object>
            {
                ["type"] = "data",
                ["symmetric"] = false,
                ["array"] = values.Select((v, i) => Math.Round(errorHigh[i] - v, 4)).ToArray(),
                ["arrayminus"] = values.Select((v, i) => Math.Round(v - errorLow[i], 4)).ToArray(),
                ["color"] = "#000000",
            });
        }

        return trace;
    }

    /// <summary>
    /// An animation of one panel: a slider and Play/Pause where the frontend runs plotly.js, each frame titled
    /// "<paramref name="title"/> — label" so a paused frame says which step it is, and the static image showing the
    /// last frame. Frames carry only the traces that change (by position; every frame must have the same traces), and
    /// of those only the attributes that change, so unchanging ones — a reference line, the real data, x grids — are
    /// written once. Axis ranges should be fixed by
    /// the panels, or every frame rescales.
    /// </summary>
    public static PlotlyChart Animation(string title, IReadOnlyList<(string Label, ChartPanel Panel)> frames, int width = 640, int height = 420)
    {
        if (frames.Count == 0)
        {
            throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
        }

        // The sizes Single gives one panel: for a plot the chart's title comes out of the height, a picture is its size.
        var panelHeight = height - (frames[0].Panel.IsImage ? 0 : TitleHeight);
        var still = frames[^1].Panel with { Title = $"{title} — {frames[^1].Label} (last of {frames.Count} frames)" };
        return Animation(title, frames.Select(f => (f.Label, (IReadOnlyList<ChartPanel>)[f.Panel])).ToArray(), 1, width, panelHeight,
            Single(still, width, height));
    }

    /// <summary>
    /// An animation of several panels per frame (rows of <paramref name="columns"/>, each
    /// <paramref name="panelWidth"/> × <paramref name="panelHeight"/> pixels), e.g. two runs side by side in step;
    /// otherwise as the one-panel <see cref="Animation(string, IReadOnlyList{ValueTuple{string, ChartPanel}}, int, int)"/>.
    /// Panel titles may change from frame to frame. <paramref name="still"/> is the static image (a filmstrip of
    /// chosen frames, say); by default the last frame.
    /// </summary>
    public static PlotlyChart Animation(string title, IReadOnlyList<(string Label, IReadOnlyList<ChartPanel> Panels)> frames,
        int columns, int panelWidth, int panelHeight, PlotlyChart? still = null)
    {
        if (frames.Count == 0)
        {
            throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
        }

        string FrameTitle(int i) => $"{title} — {frames[i].Label}";
        // Each frame as a whole chart, to read its traces and panel titles back as plotly.js JSON.
        var charts = frames.Select((f, i) => Grid(columns, FrameTitle(i), panelWidth, panelHeight, f.Panels, AnimationControlsHeight)).ToArray();
        var figures = charts.Select(c => JsonNode.Parse(c.Json)!).ToArray();
        var data = figures.Select(f => f["data"]!.AsArray()).ToArray();
        if (data.Any(d => d.Count != data[0].Count))
        {
            throw new ArgumentException("Every frame of an animation must have the same traces.", nameof(frames));
        }

        // Per trace, the attributes that differ in some frame; plotly.js merges a frame's partial traces into the
        // drawn ones, so attributes equal in every frame (x grids, colours, names) need not be repeated.
        var varying = Enumerable.Range(0, data[0].Count)
            .Select(t => data[0][t]!.AsObject().Select(p => p.Key)
                .Where(key => data.Any(d => !JsonNode.DeepEquals(d[t]![key], data[0][t]![key])))
                .ToArray())
            .ToArray();
        var changing = Enumerable.Range(0, data[0].Count).Where(t => varying[t].Length > 0).ToArray();
        var annotations = figures.Select(f => f["layout"]?["annotations"]).ToArray();
        var titlesChange = annotations.Any(a => !JsonNode.DeepEquals(a, annotations[0]));
        var frameList = new JsonArray();
        for (var i = 0; i < frames.Count; i++)
        {
            var frameData = changing.Select(t => (JsonNode)new JsonObject(varying[t].Select(key =>
                KeyValuePair.Create(key, data[i][t]![key]?.DeepClone())))).ToArray();
            var layout = new JsonObject { ["title"] = new JsonObject { ["text"] = FrameTitle(i) } };
            if (titlesChange)
            {
                layout["annotations"] = annotations[i]?.DeepClone();
            }

            frameList.Add(new JsonObject
            {
                ["name"] = frames[i].Label,
                ["data"] = new JsonArray(frameData),
                ["traces"] = new JsonArray(changing.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
                ["layout"] = layout,
            });
        }

        var pictures = frames[0].Panels.All(p => p.IsImage);
        var controls = new Layout();
        // The controls sit below the plot area, under the x axis' title where there is one.
        var below = pictures ? 8 : PlotlyBottomMargin - 10;
        // The Play/Pause buttons (about 80 pixels) come first, the slider after them.
        var plotWidth = columns * panelWidth - (pictures ? 0 : 2 * PlotlySideMargin);
        var sliderStart = Math.Min(0.4, 80.0 / plotWidth);
        controls.SetProperty("sliders", new[] { Slider(frames.Select(f => f.Label).ToArray(), below, sliderStart) });
        controls.SetProperty("updatemenus", new[] { PlayButtons(below) });
        var animated = GenericChart.addLayout(controls, charts[0].Chart);
        var lastFrame = Grid(columns, $"{FrameTitle(frames.Count - 1)} (last of {frames.Count} frames)", panelWidth, panelHeight, frames[^1].Panels);
        return new PlotlyChart(animated, frameList, (still ?? lastFrame).Chart);
    }

    // Room under the plot for the slider and buttons, so they are not drawn over the x axis' title.
    private const int AnimationControlsHeight = 70;

    // plotly.js's default layout.margin.b (where a plot's x-axis ticks and title go) and .l/.r.
    private const int PlotlyBottomMargin = 80, PlotlySideMargin = 80;

    private static Dictionary<string, object> Slider(string[] labels, int below, double start) => new()
    {
        ["active"] = 0,
        ["x"] = start,
        ["len"] = 1 - start,
        ["y"] = 0,
        ["yanchor"] = "top",
        ["pad"] = new Dictionary<string, object> { ["t"] = below },
        ["currentvalue"] = new Dictionary<string, object> { ["visible"] = false },
        ["steps"] = labels.Select(label => AnimateControl(label, new object?[] { new[] { label }, AnimationOptions("immediate", 0) })).ToArray(),
    };

    private static Dictionary<string, object> PlayButtons(int below) => new()
    {
        ["type"] = "buttons",
        ["showactive"] = false,
        ["direction"] = "left",
        ["x"] = 0,
        ["xanchor"] = "left",
        ["y"] = 0,
        ["yanchor"] = "top",
        ["pad"] = new Dictionary<string, object> { ["t"] = below + 10, ["r"] = 10 },
        // Plotly.animate(null) plays every frame; animate([null]) stops on the current one.
        ["buttons"] = new[]
        {
            AnimateControl("▶", new object?[] { null, AnimationOptions("afterall", 400) }),
            AnimateControl("❚❚", new object?[] { new object?[] { null }, AnimationOptions("immediate", 0) }),
        },
    };

    private static Dictionary<string, object> AnimateControl(string label, object?[] args) =>
        new() { ["label"] = label, ["method"] = "animate", ["args"] = args };

    private static Dictionary<string, object> AnimationOptions(string mode, int frameDuration) => new()
    {
        ["mode"] = mode,
        ["fromcurrent"] = true,
        ["frame"] = new Dictionary<string, object> { ["duration"] = frameDuration, ["redraw"] = true },
        ["transition"] = new Dictionary<string, object> { ["duration"] = 0 },
    };

    private static Trace Xy(string mode, IEnumerable<double> x, IEnumerable<double> y, string? name)
    {
        var xs = Numbers(x);
        var ys = Numbers(y);
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"x has {xs.Length} values but y has {ys.Length}.");
        }

        var trace = new Trace2D("scatter");
        trace.SetProperty("mode", mode);
        trace.SetProperty("x", xs);
        trace.SetProperty("y", ys);
        if (name is not null)
        {
            trace.SetProperty("name", name);
        }

        trace.SetProperty("showlegend", name is not null);
        return trace;
    }

    private static Dictionary<string, object> Axis(ChartPanel panel, string? label, (double Min, double Max)? range, bool isY, int index)
    {
        var axis = new Dictionary<string, object>();
        if (panel.IsImage)
        {
            // Square pixels, the picture centred where its panel is wider than it; the axes mean nothing here.
            axis["visible"] = false;
            axis["constrain"] = "domain";
            if (range is { } pixels)
            {
                axis["range"] = new[] { pixels.Min, pixels.Max };
            }

            if (isY)
            {
                axis["scaleanchor"] = AxisId("x", index);
            }

            return axis;
        }

        // Long tick labels (named bars) widen the margin instead of being cut off; outside ticks keep the first x
        // and the lowest y label from meeting in the corner.
        axis["automargin"] = true;
        axis["ticks"] = "outside";
        if (label is not null)
        {
            axis["title"] = new Dictionary<string, object> { ["text"] = label };
        }

        if (range is { } r)
        {
            axis["range"] = new[] { r.Min, r.Max };
        }

        return axis;
    }

    // JSON has no NaN or infinity; plotly.js reads null as a gap. Six significant digits are far finer than a chart
    // or its hover text shows, and write each number in about half the characters of a full double.
    private static object?[] Numbers(IEnumerable<double> values) =>
        values.Select(v => double.IsFinite(v) ? (object?)double.Parse(v.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null).ToArray();

    private static Dictionary<string, object> Attributes(params (string Name, object? Value)[] attributes) =>
        attributes.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value!);

    // Plotly names the first panel's axes x/y (layout keys xaxis/yaxis) and the n-th panel's xn/yn.
    private static string AxisId(string axis, int panel) => axis + AxisSuffix(panel);

    private static string AxisSuffix(int panel) => panel == 0 ? "" : (panel + 1).ToString(CultureInfo.InvariantCulture);
}
