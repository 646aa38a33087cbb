using Plotly.NET;

namespace GanKit.Display.Charts;

/// <summary>
/// The plotly.js that Plotly.NET embeds in its assembly: the one its figure JSON is written for, available offline,
/// so neither static images nor saved HTML pages need a CDN or an npm download. Found by its resource name rather
/// than through Plotly.NET's <c>Globals</c> module (see <see cref="PlotlyChart.FigureJson"/> for why).
/// </summary>
public static class PlotlyScript
{
    private const string Prefix = "Plotly.NET.plotly-", Suffix = ".min.js";

    private static readonly Lazy<string> ResourceName = new(() =>
        typeof(GenericChart).Assembly.GetManifestResourceNames().SingleOrDefault(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"Plotly.NET {typeof(GenericChart).Assembly.GetName().Version} embeds no '{Prefix}*{Suffix}'."));

    private static readonly Lazy<string> Script = new(Load);

    /// <summary>plotly.js's version, e.g. 2.28.0.</summary>
    public static string Version => ResourceName.Value[Prefix.Length..^Suffix.Length];

    /// <summary>plotly.min.js as text.</summary>
    public static string Source => Script.Value;

    private static string Load()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(ResourceName.Value)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
