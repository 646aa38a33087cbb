using Microsoft.DotNet.Interactive;

namespace GanKit.Display.Hosting;

/// <summary>
/// What library code needs from whatever runs it — a .NET Interactive kernel (Polyglot, Jupyter, dotnet-repl,
/// gankit-nb) or a plain program:
/// <list type="bullet">
/// <item><see cref="Display"/> shows a value and returns an updatable handle;</item>
/// <item><see cref="CancellationToken"/> is the kernel's invocation token (the Stop button in Polyglot and
/// Jupyter, timeout and Ctrl-C in gankit-nb) or, in a plain program, a token Ctrl-C cancels.</item>
/// </list>
/// </summary>
public static class NotebookHost
{
    private static readonly Lazy<CancellationTokenSource> CtrlC = new(ListenForCtrlC);
    private static IDisplaySink? _sink;

    /// <summary>
    /// The sink displays go to: one set with <see cref="UseDisplay(IDisplaySink)"/>, else the kernel while it
    /// runs a cell on this logical thread, else the console.
    /// </summary>
    public static IDisplaySink Sink =>
        _sink ?? (KernelInvocationContext.Current is null ? ConsoleDisplaySink.Instance : KernelDisplaySink.Instance);

    /// <summary>Routes displays to <paramref name="sink"/> (null restores the default).</summary>
    public static void UseDisplay(IDisplaySink? sink) => _sink = sink;

    public static IDisplayHandle Display(object value) => Sink.Show(value);

    /// <summary>The token a long-running cell or training loop should poll.</summary>
    public static CancellationToken CancellationToken => KernelInvocationContext.Current?.CancellationToken ?? CtrlC.Value.Token;

    // First Ctrl-C asks loops to stop; the process keeps running so they can return partial results.
    private static CancellationTokenSource ListenForCtrlC()
    {
        var source = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!source.IsCancellationRequested)
            {
                e.Cancel = true;
                source.Cancel();
            }
        };
        return source;
    }
}
