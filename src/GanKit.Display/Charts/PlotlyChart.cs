using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;
using Newtonsoft.Json;
using Plotly.NET;

namespace GanKit.Display.Charts;

/// <summary>
/// A Plotly.NET chart as a notebook shows it: the figure JSON under application/vnd.plotly.v1+json (VS Code and
/// JupyterLab draw it interactively), a PNG drawn from that same JSON by plotly.js in headless Chromium (GitHub,
/// nbviewer, nbconvert's HTML export; see <see cref="ChartImages"/>) and a one-line text summary. <see cref="Chart"/>
/// is the <see cref="GenericChart"/> itself, to restyle with Plotly.NET's API: <c>figure.Map(c => c.WithSize(…))</c>.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<PlotlyChart>), PreferredMimeTypes = [Mime.PlotlyJson, Mime.Png, Mime.PlainText])]
public sealed class PlotlyChart : IMimeRenderable
{
    /// <summary>plotly.js's own default size, used when the layout names none.</summary>
    public const int DefaultWidth = 700, DefaultHeight = 450;

    private readonly Lazy<string> _json;
    private readonly Lazy<byte[]> _png;
    private readonly GenericChart? _still;

    static PlotlyChart()
    {
        // Kernels format a value to its type's preferred MIME types, whatever the instance says; without a Chromium
        // the PNG would be an empty string that frontends show as a broken image. Registering the attribute's
        // preferences first, then ours, makes ours the most recent and so the ones the kernel uses.
        if (!ChartImages.IsAvailable)
        {
            Formatter.GetPreferredMimeTypesFor(typeof(PlotlyChart));
            Formatter.SetPreferredMimeTypesFor(typeof(PlotlyChart), Mime.PlotlyJson, Mime.PlainText);
        }
    }

    public PlotlyChart(GenericChart chart)
        : this(chart, null, null)
    {
    }

    /// <param name="frames">Plotly animation frames (Plotly.NET has no frames), appended to the figure JSON.</param>
    /// <param name="still">What the static image shows instead of <paramref name="chart"/>, e.g. an animation's last frame.</param>
    internal PlotlyChart(GenericChart chart, JsonArray? frames, GenericChart? still, bool hasImage = true)
    {
        Chart = chart ?? throw new ArgumentNullException(nameof(chart));
        Frames = frames;
        _still = still;
        HasImage = hasImage;
        _json = new Lazy<string>(() => WithFrames(FigureJson(Chart), frames));
        _png = new Lazy<byte[]>(() =>
        {
            var json = still is null ? Json : FigureJson(still);
            return ChartImages.RenderPng(json, LayoutSize(json, "width", DefaultWidth), LayoutSize(json, "height", DefaultHeight));
        });
    }

    public GenericChart Chart { get; }

    /// <summary>The animation's frames, null for a still chart.</summary>
    public JsonArray? Frames { get; }

    /// <summary>The figure as Plotly JSON: <c>{"data": […], "layout": {…}}</c>.</summary>
    public string Json => _json.Value;

    public int Width => LayoutSize(Json, "width", DefaultWidth);

    public int Height => LayoutSize(Json, "height", DefaultHeight);

    /// <summary>The static image, drawn once on first use.</summary>
    public byte[] Png => _png.Value;

    /// <summary>False for a figure shown without its static image (<see cref="WithoutImage"/>).</summary>
    public bool HasImage { get; }

    /// <summary>Plotly JSON and text always; the PNG only where a Chromium can draw it and the figure wants one.</summary>
    public IReadOnlyList<string> MimeTypes =>
        HasImage && ChartImages.IsAvailable ? MimeFormatterSource<PlotlyChart>.PreferredMimeTypes : [Mime.PlotlyJson, Mime.PlainText];

    /// <summary>The same figure without a static image, for a <see cref="LiveChart"/>'s in-between states.</summary>
    internal PlotlyChart WithoutImage() => new(Chart, Frames, _still, hasImage: false);

    /// <summary>A new figure from this one's chart restyled by <paramref name="restyle"/> (Plotly.NET's API).</summary>
    public PlotlyChart Map(Func<GenericChart, GenericChart> restyle) => new(restyle(Chart), Frames, null);

    public static implicit operator GenericChart(PlotlyChart figure) => figure.Chart;

    public void Render(string mimeType, TextWriter writer) => writer.Write(mimeType switch
    {
        Mime.PlotlyJson => Json,
        Mime.Png => Convert.ToBase64String(Png),
        _ => ToString(),
    });

    /// <summary>The title and each trace's kind, name and point count, e.g. <c>Chart "Losses": lines D (20 points); …</c>.</summary>
    public override string ToString()
    {
        var figure = JsonNode.Parse(Json)!;
        var title = figure["layout"]?["title"]?["text"]?.GetValue<string>();
        var traces = (figure["data"] as JsonArray ?? []).Select(trace =>
        {
            var kind = trace?["mode"]?.GetValue<string>() ?? trace?["type"]?.GetValue<string>() ?? "trace";
            var name = trace?["name"]?.GetValue<string>() ?? "(unnamed)";
            var points = (trace?["x"] as JsonArray)?.Count ?? (trace?["z"] as JsonArray)?.Count;
            return points is null ? $"{kind} {name}" : string.Create(CultureInfo.InvariantCulture, $"{kind} {name} ({points} points)");
        });
        var frames = Frames is null ? "" : $", {Frames.Count} frames";
        return $"Chart{(title is null ? "" : $" \"{title}\"")}{frames}: {string.Join("; ", traces.DefaultIfEmpty("empty"))}";
    }

    /// <summary>
    /// The same JSON as Plotly.NET's <c>GenericChart.toFigureJson</c>, without touching its <c>Globals</c> module:
    /// that module's HTML templates load Giraffe.ViewEngine, which asks for an older FSharp.Core, and the headless
    /// runner's Roslyn assembly loader then loads FSharp.Core a second time and Plotly.NET fails (MissingMethodException).
    /// </summary>
    internal static string FigureJson(GenericChart chart) => JsonConvert.SerializeObject(GenericChart.toFigure(chart));

    private static string WithFrames(string json, JsonArray? frames)
    {
        if (frames is null)
        {
            return json;
        }

        var figure = JsonNode.Parse(json)!;
        figure["frames"] = frames.DeepClone();
        return figure.ToJsonString();
    }

    private static int LayoutSize(string json, string property, int fallback) =>
        JsonNode.Parse(json)?["layout"]?[property] is JsonValue value && value.TryGetValue(out double size) && size > 0
            ? (int)Math.Round(size)
            : fallback;
}
