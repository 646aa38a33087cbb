using GanKit.Display.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>
/// The kernel helpers notebooks call, for programs exported from notebooks (<c>using static
/// GanKit.Display.Hosting.AppKernel;</c>): <c>display</c> saves figures to files through a
/// <see cref="FileDisplaySink"/>, <c>HTML</c> wraps markup. Lower-case names match the kernel's so cells
/// compile unchanged. Library displays (e.g. <see cref="Progress.LiveProgress"/>) go to the same files.
/// </summary>
public static class AppKernel
{
    private static FileDisplaySink? _sink;

    /// <summary>The folder displayed figures are saved to; "figures" under the working folder unless set.</summary>
    public static string OutputFolder
    {
        get => Sink.Folder;
        set => _sink = Use(new FileDisplaySink(value));
    }

    private static FileDisplaySink Sink => _sink ??= Use(new FileDisplaySink("figures"));

    private static FileDisplaySink Use(FileDisplaySink sink)
    {
        NotebookHost.UseDisplay(sink);
        return sink;
    }

#pragma warning disable IDE1006 // lower-case to match the kernel helpers notebook cells call
    public static IDisplayHandle display(object value, params string[] mimeTypes) => Sink.Show(value);

    public static HtmlContent HTML(string html) => new(html);
#pragma warning restore IDE1006
}
