using GanKit.Display.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>Prints the text/plain rendering of each shown or updated value: the fallback outside notebooks.</summary>
public sealed class ConsoleDisplaySink : IDisplaySink
{
    public static ConsoleDisplaySink Instance { get; } = new();

    public IDisplayHandle Show(object value)
    {
        Print(value);
        return new Handle();
    }

    internal static string PlainText(object value) =>
        value is IMimeRenderable renderable ? renderable.RenderToString(Mime.PlainText) : value.ToString() ?? "";

    private static void Print(object value) => Console.Out.WriteLine(PlainText(value));

    private sealed class Handle : IDisplayHandle
    {
        public void Update(object value) => Print(value);
    }
}
