using GanKit.Display.Formatting;
using GanKit.Display.Output;
using GanKit.IO;

namespace GanKit.Display;

/// <summary>Saving any figure, grid or table to a file chosen by extension, written atomically.</summary>
public static class FigureFiles
{
    /// <summary>
    /// Saves <paramref name="figure"/> as .png, .html (self-contained), .json (Plotly) or .txt, whichever
    /// the extension of <paramref name="path"/> names and the figure supports. Returns the full path.
    /// </summary>
    public static string Save(this IMimeRenderable figure, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var mimeType = MimeTypeFor(extension)
            ?? throw new ArgumentException($"Cannot save to '{extension}': use .png, .html, .json or .txt.", nameof(path));
        if (extension != ".html" && !figure.MimeTypes.Contains(mimeType))
        {
            throw new ArgumentException(
                $"{figure.GetType().Name} does not render to {extension}; it renders to {string.Join(", ", figure.MimeTypes)}.", nameof(path));
        }

        switch (extension)
        {
            case ".png":
                AtomicFile.WriteAllBytes(path, Convert.FromBase64String(figure.RenderToString(Mime.Png)));
                break;
            case ".html":
                AtomicFile.WriteAllText(path, HtmlPage.For(figure, Path.GetFileNameWithoutExtension(path)));
                break;
            default:
                AtomicFile.WriteAllText(path, figure.RenderToString(mimeType));
                break;
        }

        return Path.GetFullPath(path);
    }

    /// <summary>The file extension that best keeps a figure: PNG for pictures and charts, HTML for tables and for charts without a static image.</summary>
    public static string PreferredExtension(IMimeRenderable figure) =>
        figure.MimeTypes.Contains(Mime.Png) ? ".png"
        : figure.MimeTypes.Contains(Mime.Html) || figure.MimeTypes.Contains(Mime.PlotlyJson) ? ".html"
        : ".txt";

    private static string? MimeTypeFor(string extension) => extension switch
    {
        ".png" => Mime.Png,
        ".html" => Mime.Html,
        ".json" => Mime.PlotlyJson,
        ".txt" => Mime.PlainText,
        _ => null,
    };
}
