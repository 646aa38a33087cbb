namespace GanKit.Display.Formatting;

/// <summary>The MIME types our figures render to, as notebook frontends name them.</summary>
public static class Mime
{
    public const string Png = "image/png";
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
}
