using System.Globalization;
using GanKit.Display.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>
/// Saves each displayed figure to a numbered file in <see cref="Folder"/> (PNG for images, SVG for charts,
/// HTML for tables) and prints its text form; updates overwrite the same file. Plain values are printed.
/// This is how exported file-based apps show what the notebook displayed.
/// </summary>
public sealed class FileDisplaySink(string folder) : IDisplaySink
{
    private int _count;

    public string Folder { get; } = Path.GetFullPath(folder);

    public IDisplayHandle Show(object value)
    {
        if (value is not IMimeRenderable figure)
        {
            Console.Out.WriteLine(value);
            return new PrintHandle();
        }

        var number = Interlocked.Increment(ref _count);
        var path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"figure-{number:D2}{FigureFiles.PreferredExtension(figure)}"));
        figure.Save(path);
        Console.Out.WriteLine($"[{Path.GetFileName(path)}] {ConsoleDisplaySink.PlainText(figure)}");
        return new FileHandle(path);
    }

    private sealed class FileHandle(string path) : IDisplayHandle
    {
        public void Update(object value)
        {
            if (value is IMimeRenderable figure && FigureFiles.PreferredExtension(figure) == Path.GetExtension(path))
            {
                figure.Save(path);
            }
            else
            {
                Console.Out.WriteLine(ConsoleDisplaySink.PlainText(value));
            }
        }
    }

    private sealed class PrintHandle : IDisplayHandle
    {
        public void Update(object value) => Console.Out.WriteLine(value);
    }
}
