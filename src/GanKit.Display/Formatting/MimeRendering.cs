namespace GanKit.Display.Formatting;

/// <summary>Convenience calls on any <see cref="IMimeRenderable"/>.</summary>
public static class MimeRendering
{
    /// <summary>Renders <paramref name="value"/> as <paramref name="mimeType"/> into a string.</summary>
    public static string RenderToString(this IMimeRenderable value, string mimeType)
    {
        if (!value.MimeTypes.Contains(mimeType))
        {
            throw new ArgumentException($"{value.GetType().Name} does not render to {mimeType}.", nameof(mimeType));
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        value.Render(mimeType, writer);
        return writer.ToString();
    }
}
