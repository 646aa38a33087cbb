using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Hosting;

/// <summary>
/// Displays through the .NET Interactive kernel running the current cell (Polyglot, Jupyter's .NET kernel,
/// dotnet-repl, gankit-nb): a new output whose updates replace it in place. It publishes the kernel's display
/// events itself rather than going through <c>value.Display()</c> or <c>DisplayedValue.Update</c>:
/// in .NET Interactive 1.0.0-beta.26120.1 the former's handle carries another display id than the output it made
/// (frontends would not find the output an update is meant for), and the latter formats every update to the first
/// value's MIME types, so a live chart could never gain its static image at the end. Each value is formatted to the
/// MIME types it has (<see cref="IMimeRenderable.MimeTypes"/>), other values to their type's preferred ones.
/// </summary>
public sealed class KernelDisplaySink : IDisplaySink
{
    public static KernelDisplaySink Instance { get; } = new();

    private KernelDisplaySink()
    {
    }

    public IDisplayHandle Show(object value)
    {
        var context = CurrentContext();
        var displayId = Guid.NewGuid().ToString("N");
        context.Publish(new DisplayedValueProduced(value, context.Command, Format(value), displayId));
        return new Handle(displayId);
    }

    private static KernelInvocationContext CurrentContext() => KernelInvocationContext.Current
        ?? throw new InvalidOperationException("No notebook cell is running: displays need a .NET Interactive kernel command in progress.");

    private static IReadOnlyCollection<FormattedValue> Format(object value) => value is IMimeRenderable renderable
        ? renderable.MimeTypes.Select(mimeType => new FormattedValue(mimeType, renderable.RenderToString(mimeType))).ToArray()
        : FormattedValue.CreateManyFromObject(value);

    private sealed class Handle(string displayId) : IDisplayHandle
    {
        public void Update(object value)
        {
            var context = CurrentContext();
            context.Publish(new DisplayedValueUpdated(value, displayId, context.Command, Format(value)));
        }
    }
}
