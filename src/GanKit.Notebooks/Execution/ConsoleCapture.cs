using System.Text;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell's stream outputs, and to the real console
/// everywhere else (the runner's own progress display, other threads). Installed once per process.
/// </summary>
/// <remarks>
/// The kernel captures the console per command too, but drops what a cell writes after its command was
/// cancelled (a cell stopping on its token and saying so); so each cell's command takes the console back
/// (<see cref="Reclaim"/>), and the cell's text reaches its outputs in the order it was written.
/// </remarks>
internal static class ConsoleCapture
{
    private static readonly Lock Gate = new();
    private static RoutingWriter? _out;
    private static RoutingWriter? _error;

    public static void Install()
    {
        lock (Gate)
        {
            if (_out is not null)
            {
                return;
            }

            _out = new RoutingWriter("stdout", Console.Out);
            _error = new RoutingWriter("stderr", Console.Error);
            Reclaim();
        }
    }

    /// <summary>Makes the routing writers the console's again, after the kernel swapped in its own.</summary>
    public static void Reclaim()
    {
        lock (Gate)
        {
            if (_out is not null && _error is not null)
            {
                Console.SetOut(_out);
                Console.SetError(_error);
            }
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
