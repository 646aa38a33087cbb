using System.Net;
using System.Text;
using GanKit.Display.Formatting;

namespace GanKit.Display.Output;

/// <summary>
/// Self-contained HTML pages for figures. Interactive Plotly figures embed plotly.js only from a local file
/// (<see cref="PlotlyScriptPath"/>, default from the GANKIT_PLOTLY_JS environment variable); without it the
/// page shows the static SVG and carries the figure JSON for later use. No CDN, no requirejs.
/// </summary>
public static class HtmlPage
{
    /// <summary>A local plotly.js (e.g. plotly.min.js from the plotly.js-dist-min npm package) to inline.</summary>
    public static string? PlotlyScriptPath { get; set; } = Environment.GetEnvironmentVariable("GANKIT_PLOTLY_JS");

    public static string For(IMimeRenderable figure, string title)
    {
        var body = new StringBuilder();
        var types = figure.MimeTypes;
        var plotly = PlotlyScriptPath is { } script && File.Exists(script) ? script : null;
        if (types.Contains(Mime.PlotlyJson) && plotly is not null)
        {
            body.Append("<div id=\"figure\"></div><script>").Append(File.ReadAllText(plotly)).Append("</script>");
            body.Append("<script>const figure = ").Append(ScriptSafe(figure.RenderToString(Mime.PlotlyJson))).Append(';')
                .Append("Plotly.newPlot('figure', figure.data, figure.layout).then(() => Plotly.addFrames('figure', figure.frames || []));</script>");
        }
        else if (types.Contains(Mime.Html))
        {
            body.Append(figure.RenderToString(Mime.Html));
        }
        else if (types.Contains(Mime.Svg))
        {
            body.Append(figure.RenderToString(Mime.Svg));
        }
        else if (types.Contains(Mime.Png))
        {
            body.Append("<img src=\"data:image/png;base64,").Append(figure.RenderToString(Mime.Png)).Append("\" />");
        }
        else
        {
            body.Append("<pre>").Append(WebUtility.HtmlEncode(figure.RenderToString(Mime.PlainText))).Append("</pre>");
        }

        if (types.Contains(Mime.PlotlyJson) && plotly is null)
        {
            body.Append("<script type=\"application/json\" id=\"plotly-figure\">")
                .Append(ScriptSafe(figure.RenderToString(Mime.PlotlyJson))).Append("</script>");
        }

        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>{body}</body></html>";
    }

    // JSON inside <script> must not close the element early.
    private static string ScriptSafe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
}
