using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// The .NET Interactive C# kernel, in process, set up as Polyglot sets it up: a <see cref="CompositeKernel"/>
/// holding a <see cref="CSharpKernel"/> with the kernel helpers (<c>display</c>, <c>HTML</c>…) and <c>#r "nuget:…"</c>.
/// Each cell is one <see cref="SubmitCode"/>; the events it publishes reach the cell that is running, found
/// through <see cref="CellContext.Current"/> (the kernel runs the code in the submitter's execution context).
/// </summary>
internal sealed class KernelSession : IDisposable
{
    // display(x) in this kernel build returns a handle whose DisplayId differs from the output it made
    // (DisplayExtensions.Display raises one DisplayedValue and returns another), so handle.Update(...)
    // would name no output. This definition, submitted once, shadows the helper with one built on the
    // invocation context, whose handle is the displayed value itself. Remove when the kernel is fixed.
    private const string DisplayHelper = """
        Microsoft.DotNet.Interactive.Formatting.DisplayedValue display(object value, params string[] mimeTypes) =>
            Microsoft.DotNet.Interactive.KernelInvocationContextExtensions.Display(
                Microsoft.DotNet.Interactive.KernelInvocationContext.Current, value, mimeTypes);
        """;

    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;
    private readonly IDisposable _events;

    static KernelSession()
    {
        // As in Polyglot: rich values as HTML, strings as text; every value also keeps a text/plain
        // rendering, so readers without HTML (terminals, diffs) see it too.
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(object), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }

    private KernelSession()
    {
        _csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            });
        _kernel = new CompositeKernel { _csharp };
        _kernel.DefaultKernelName = _csharp.Name;
        _kernel.AddMiddleware(async (command, context, next) =>
        {
            // The scheduler stops waiting for a cancelled command at once; this task ends only when the
            // cell's code has returned, which is what the grace period waits for.
            var finished = CellContext.Current?.StartCode();
            ConsoleCapture.Reclaim();
            try
            {
                await next(command, context).ConfigureAwait(false);
            }
            finally
            {
                finished?.TrySetResult();
            }
        });
        _events = _kernel.KernelEvents.Subscribe(e => CellContext.Current?.Receive(e));
    }

    /// <summary>A new kernel, with the display helper submitted (outside any cell, so it makes no output).</summary>
    public static async Task<KernelSession> StartAsync()
    {
        var session = new KernelSession();
        var helper = await session._kernel.SendAsync(new SubmitCode(DisplayHelper), CancellationToken.None).ConfigureAwait(false);
        if (helper.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
        {
            session.Dispose();
            throw new InvalidOperationException($"The C# kernel refused the display helper: {failed.Message}");
        }

        return session;
    }

    /// <summary>The script's variables so far, latest declaration last.</summary>
    public IReadOnlyList<ScriptVariable> Variables => _csharp.ScriptState?.Variables ?? [];

    /// <summary>
    /// Runs one cell's code; the cell's outputs arrive through <see cref="CellContext.Receive"/>. Cancelling
    /// <paramref name="cancellationToken"/> cancels the kernel command (the cell's invocation token).
    /// </summary>
    public Task<KernelCommandResult> SubmitAsync(string code, CancellationToken cancellationToken) =>
        _kernel.SendAsync(new SubmitCode(code), cancellationToken);

    public void Dispose()
    {
        _events.Dispose();
        _kernel.Dispose();
    }
}
