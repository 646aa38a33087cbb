using GanKit.Display.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>
/// The kernel helpers notebooks call, for programs exported from notebooks (<c>using static
/// GanKit.Display.Hosting.AppKernel;</c>): <c>display</c> saves figures to files through a
/// <see cref="FileDisplaySink"/>, <c>HTML</c> wraps markup. Lower-case names match the kernel's so cells
/// compile unchanged.
/// </summary>
public static class AppKernel
{
    private static FileDisplaySink _sink = new("figures");

    /// <summary>The folder displayed figures are saved to.</summary>
    public static string OutputFolder
    {
        get => _sink.Folder;
        set => _sink = new FileDisplaySink(value);
    }

#pragma warning disable IDE1006 // lower-case to match the kernel helpers notebook cells call
    public static IDisplayHandle display(object value, params string[] mimeTypes) => _sink.Show(value);

    public static HtmlContent HTML(string html) => new(html);
#pragma warning restore IDE1006
}
