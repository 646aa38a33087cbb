using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>
/// Displays through the .NET Interactive kernel running the current cell (Polyglot, Jupyter's .NET kernel,
/// dotnet-repl, gankit-nb): a new output formatted to the value's preferred MIME types, whose updates replace
/// it in place. It displays through the invocation context rather than <c>value.Display()</c>, whose handle
/// (in .NET Interactive 1.0.0-beta.26120.1) carries another display id than the output it made, so frontends
/// would not find the output an update is meant for.
/// </summary>
public sealed class KernelDisplaySink : IDisplaySink
{
    public static KernelDisplaySink Instance { get; } = new();

    private KernelDisplaySink()
    {
    }

    public IDisplayHandle Show(object value)
    {
        var context = KernelInvocationContext.Current
            ?? throw new InvalidOperationException("No notebook cell is running: displays need a .NET Interactive kernel command in progress.");
        return new Handle(KernelInvocationContextExtensions.Display(context, value));
    }

    private sealed class Handle(DisplayedValue displayed) : IDisplayHandle
    {
        public void Update(object value) => displayed.Update(value);
    }
}
