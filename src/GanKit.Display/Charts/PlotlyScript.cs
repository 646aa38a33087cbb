using Plotly.NET;

namespace GanKit.Display.Charts;

/// <summary>
/// The plotly.js that Plotly.NET embeds in its assembly (version <see cref="Version"/>): the one its figure JSON is
/// written for, available offline, so neither static images nor saved HTML pages need a CDN or an npm download.
/// </summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Script = new(Load);

    public static string Version => Globals.PLOTLYJS_VERSION;

    /// <summary>plotly.min.js as text.</summary>
    public static string Source => Script.Value;

    private static string Load()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET {assembly.GetName().Version} has no embedded '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
