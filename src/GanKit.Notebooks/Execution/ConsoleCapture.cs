using System.Text;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell's stream outputs, and to the real console
/// everywhere else (the runner's own progress display, other threads). Installed once per process.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
            _installed = true;
        }
    }

    private sealed class RoutingWriter(string stream, TextWriter console) : TextWriter
    {
        public override Encoding Encoding => console.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (CellContext.Current is { } cell)
            {
                cell.Write(stream, value);
            }
            else
            {
                console.Write(value);
            }
        }

        public override void Flush()
        {
            if (CellContext.Current is null)
            {
                console.Flush();
            }
        }
    }
}
