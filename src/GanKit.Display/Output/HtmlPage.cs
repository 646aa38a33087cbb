using System.Net;
using System.Text;
using GanKit.Display.Charts;
using GanKit.Display.Formatting;

namespace GanKit.Display.Output;

/// <summary>
/// Self-contained HTML pages for figures: a Plotly figure with the plotly.js Plotly.NET ships inlined (no CDN, no
/// requirejs; works offline), tables as HTML, pictures as PNG.
/// </summary>
public static class HtmlPage
{
    public static string For(IMimeRenderable figure, string title)
    {
        var body = new StringBuilder();
        var types = figure.MimeTypes;
        if (types.Contains(Mime.PlotlyJson))
        {
            body.Append("<div id=\"figure\"></div><script>").Append(PlotlyScript.Source).Append("</script>");
            body.Append("<script>const figure = ").Append(ScriptSafe(figure.RenderToString(Mime.PlotlyJson))).Append(';')
                .Append("Plotly.newPlot('figure', figure.data, figure.layout).then(() => Plotly.addFrames('figure', figure.frames || []));</script>");
        }
        else if (types.Contains(Mime.Html))
        {
            body.Append(figure.RenderToString(Mime.Html));
        }
        else if (types.Contains(Mime.Png))
        {
            body.Append("<img src=\"data:image/png;base64,").Append(figure.RenderToString(Mime.Png)).Append("\" />");
        }
        else
        {
            body.Append("<pre>").Append(WebUtility.HtmlEncode(figure.RenderToString(Mime.PlainText))).Append("</pre>");
        }

        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>{body}</body></html>";
    }

    // JSON inside <script> must not close the element early.
    private static string ScriptSafe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
}
