using System.Text.Json.Nodes;
using GanKit.Notebooks.Formatting;
using Microsoft.DotNet.Interactive;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// The cell now running on this logical thread (it flows into tasks and threads the cell starts): where
/// its console text, displays, value and error go, and the token that cancels it.
/// </summary>
internal sealed class CellContext
{
    private static readonly AsyncLocal<CellContext?> CurrentCell = new();
    private readonly List<CellOutput> _outputs = [];
    private readonly Lock _gate;

    public CellContext(Lock gate, CancellationToken cancellationToken)
    {
        _gate = gate;
        CancellationToken = cancellationToken;
        Invocation = new KernelInvocationContext(this);
    }

    public static CellContext? Current => CurrentCell.Value;

    public KernelInvocationContext Invocation { get; }

    public CancellationToken CancellationToken { get; }

    public static CellContext Require() =>
        Current ?? throw new InvalidOperationException("display() was called outside a running notebook cell.");

    /// <summary>Makes this the current cell for the calling logical thread.</summary>
    public void Enter() => CurrentCell.Value = this;

    public void Write(string stream, string text)
    {
        lock (_gate)
        {
            if (_outputs.LastOrDefault() is StreamOutput last && last.Name == stream)
            {
                last.Text.Append(text);
            }
            else
            {
                var output = new StreamOutput(stream);
                output.Text.Append(text);
                _outputs.Add(output);
            }
        }
    }

    public DisplayedValue Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var output = new DisplayOutput(ConventionFormatter.Format(value, mimeTypes), mimeTypes);
        Add(output);
        return new DisplayedValue(this, output);
    }

    public void Update(DisplayOutput output, object? value)
    {
        var bundle = ConventionFormatter.Format(value, output.MimeTypes);
        lock (_gate)
        {
            output.Bundle = bundle;
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
        }
    }

    public IReadOnlyList<JsonObject> ToJson()
    {
        lock (_gate)
        {
            return [.. _outputs.Select(o => o.ToJson())];
        }
    }
}
