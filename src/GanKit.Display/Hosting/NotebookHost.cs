using System.Reflection;

namespace GanKit.Display.Hosting;

/// <summary>
/// What library code needs from whatever runs it — a Polyglot kernel, the headless runner, or a plain
/// program — found at run time so the library references none of them:
/// <list type="bullet">
/// <item><see cref="Display"/> shows a value and returns an updatable handle;</item>
/// <item><see cref="CancellationToken"/> is the kernel's invocation token (the Stop button in Polyglot,
/// timeout and Ctrl-C in the runner) or, in a plain program, a token Ctrl-C cancels.</item>
/// </list>
/// </summary>
public static class NotebookHost
{
    private const string InvocationContextTypeName = "Microsoft.DotNet.Interactive.KernelInvocationContext";
    private static readonly Lazy<CancellationTokenSource> CtrlC = new(ListenForCtrlC);
    private static IDisplaySink? _sink;

    /// <summary>
    /// The sink displays go to: one set with <see cref="UseDisplay(IDisplaySink)"/>, else the kernel's display
    /// helper while a kernel is running a cell on this logical thread, else the console.
    /// </summary>
    public static IDisplaySink Sink =>
        _sink ?? (CurrentInvocation() is null ? null : KernelDisplaySink.TryFind()) ?? (IDisplaySink)ConsoleDisplaySink.Instance;

    /// <summary>Routes displays to <paramref name="sink"/> (null restores discovery).</summary>
    public static void UseDisplay(IDisplaySink? sink) => _sink = sink;

    public static IDisplayHandle Display(object value) => Sink.Show(value);

    /// <summary>The token a long-running cell or training loop should poll.</summary>
    public static CancellationToken CancellationToken => InvocationToken() ?? CtrlC.Value.Token;

    private static CancellationToken? InvocationToken() =>
        CurrentInvocation() is { } current ? current.GetType().GetProperty("CancellationToken")?.GetValue(current) as CancellationToken? : null;

    /// <summary>The kernel's <c>KernelInvocationContext.Current</c>: non-null only while a cell runs.</summary>
    private static object? CurrentInvocation() =>
        KernelReflection.FindType(InvocationContextTypeName)?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);

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
