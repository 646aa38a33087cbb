using System.Reflection;

namespace GanKit.Display.Hosting;

/// <summary>
/// Displays through a kernel's <c>display(object, params string[])</c> helper, called by reflection so the
/// library references no kernel package. Works with Polyglot's <c>Microsoft.DotNet.Interactive.Kernel</c>
/// and with the headless runner, which provides a helper of the same name and shape.
/// </summary>
public sealed class KernelDisplaySink : IDisplaySink
{
    internal const string KernelTypeName = "Microsoft.DotNet.Interactive.Kernel";

    private readonly Func<object, object?> _display;

    /// <summary>Wraps a display delegate, e.g. <c>new KernelDisplaySink(x => display(x))</c> from a notebook cell.</summary>
    public KernelDisplaySink(Func<object, object?> display) => _display = display;

    /// <summary>The sink over the loaded kernel's display helper, or null outside a notebook kernel.</summary>
    public static KernelDisplaySink? TryFind()
    {
        var display = KernelReflection.FindType(KernelTypeName)?.GetMethod(
            "display", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])]);
        return display is null ? null : new KernelDisplaySink(value => display.Invoke(null, [value, Array.Empty<string>()]));
    }

    public IDisplayHandle Show(object value) => new Handle(_display(value));

    /// <summary>Calls the kernel handle's <c>Update(object)</c>; a kernel returning no handle makes updates no-ops.</summary>
    private sealed class Handle(object? displayed) : IDisplayHandle
    {
        private readonly MethodInfo? _update = displayed?.GetType().GetMethod("Update", [typeof(object)]);

        public void Update(object value) => _update?.Invoke(displayed, [value]);
    }
}
