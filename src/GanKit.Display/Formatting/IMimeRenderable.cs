namespace GanKit.Display.Formatting;

/// <summary>
/// A value that renders itself to one or more MIME types. Every displayable GanKit type implements this and
/// carries a <see cref="TypeFormatterSourceAttribute"/> so notebook kernels find the same renderings.
/// </summary>
public interface IMimeRenderable
{
    /// <summary>The MIME types this value renders to, richest first; always includes text/plain.</summary>
    IReadOnlyList<string> MimeTypes { get; }

    /// <summary>
    /// Writes the value as <paramref name="mimeType"/>. Binary types (image/png) are written as raw base64,
    /// which is what Jupyter and VS Code expect in a MIME bundle.
    /// </summary>
    void Render(string mimeType, TextWriter writer);
}
