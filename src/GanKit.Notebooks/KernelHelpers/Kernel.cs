using GanKit.Notebooks.Execution;

#pragma warning disable IDE1006 // lower-case helpers: the names notebook cells call
#pragma warning disable IDE0130 // the namespace is the kernel's, so cells written for Polyglot compile unchanged

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The headless runner's stand-in for the Polyglot kernel helpers that notebook cells call through
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c>, with the same names and meaning. It exists
/// only inside the runner (never in a library), so it cannot clash with the real kernel.
/// </summary>
public static class Kernel
{
    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell.</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        CellContext.Require().Display(value, mimeTypes);

    /// <summary>Marks a string as HTML to be shown as is.</summary>
    public static HtmlString HTML(string content) => new(content);
}

/// <summary>A display output that <see cref="Update"/> replaces in place, like Jupyter's update_display_data.</summary>
public sealed class DisplayedValue
{
    private readonly CellContext _cell;
    private readonly DisplayOutput _output;

    internal DisplayedValue(CellContext cell, DisplayOutput output)
    {
        _cell = cell;
        _output = output;
    }

    public string DisplayId => _output.DisplayId;

    /// <summary>Re-formats <paramref name="updatedValue"/> with the MIME types of the original display.</summary>
    public void Update(object? updatedValue) => _cell.Update(_output, updatedValue);
}

/// <summary>HTML markup returned by <see cref="Kernel.HTML"/>.</summary>
public sealed record HtmlString(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// The running cell's invocation, as in Polyglot: <c>KernelInvocationContext.Current.CancellationToken</c>
/// is cancelled by the cell timeout and by Ctrl-C.
/// </summary>
public sealed class KernelInvocationContext
{
    private readonly CellContext _cell;

    internal KernelInvocationContext(CellContext cell) => _cell = cell;

    /// <summary>The invocation of the cell running on this logical thread, or null outside cells.</summary>
    public static KernelInvocationContext? Current => CellContext.Current?.Invocation;

    public CancellationToken CancellationToken => _cell.CancellationToken;
}
