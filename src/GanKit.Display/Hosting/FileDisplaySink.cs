using System.Globalization;
using GanKit.Display.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>
/// Saves each displayed figure to a numbered file in <see cref="Folder"/> (PNG for pictures and charts, HTML for
/// tables and for charts without a static image) and prints its text form; updates replace the same figure's file
/// (a live chart's in-between HTML gives way to its final PNG). Plain values are printed.
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
        private string _path = path;

        public void Update(object value)
        {
            if (value is not IMimeRenderable figure)
            {
                Console.Out.WriteLine(ConsoleDisplaySink.PlainText(value));
                return;
            }

            var updated = Path.ChangeExtension(_path, FigureFiles.PreferredExtension(figure));
            figure.Save(updated);
            if (updated != _path)
            {
                File.Delete(_path);
                _path = updated;
            }
        }
    }

    private sealed class PrintHandle : IDisplayHandle
    {
        public void Update(object value) => Console.Out.WriteLine(value);
    }
}
