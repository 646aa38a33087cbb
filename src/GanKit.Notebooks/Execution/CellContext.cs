using System.Text.Json.Nodes;
using GanKit.Notebooks.Formatting;
using Microsoft.DotNet.Interactive.Events;

namespace GanKit.Notebooks.Execution;

/// <summary>
/// The cell now running on this logical thread (it flows into the kernel's execution of the cell and into
/// tasks and threads the cell starts): it turns the kernel's events into the cell's outputs and holds the
/// token that cancels it.
/// </summary>
internal sealed class CellContext
{
    private static readonly AsyncLocal<CellContext?> CurrentCell = new();
    private readonly List<CellOutput> _outputs = [];
    private readonly Lock _gate;
    private readonly Dictionary<string, DisplayOutput> _displays;
    private readonly int _executionCount;
    private TaskCompletionSource? _code;

    /// <param name="gate">The run's lock, shared by every cell: a later cell may update an earlier cell's display.</param>
    /// <param name="displays">The run's displays by display id, shared by every cell for the same reason.</param>
    public CellContext(Lock gate, Dictionary<string, DisplayOutput> displays, int executionCount, CancellationToken cancellationToken)
    {
        _gate = gate;
        _displays = displays;
        _executionCount = executionCount;
        CancellationToken = cancellationToken;
    }

    public static CellContext? Current => CurrentCell.Value;

    public CancellationToken CancellationToken { get; }

    /// <summary>Completes when the kernel has finished the cell's latest command, even one it stopped waiting for.</summary>
    public Task CodeFinished
    {
        get
        {
            lock (_gate)
            {
                return _code?.Task ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>Makes this the current cell for the calling logical thread.</summary>
    public void Enter() => CurrentCell.Value = this;

    /// <summary>Called as the kernel starts one of the cell's commands; the caller completes it when the command ends.</summary>
    public TaskCompletionSource StartCode()
    {
        lock (_gate)
        {
            _code = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _code;
        }
    }

    /// <summary>Records what a kernel event means for the notebook; events that make no output are ignored.</summary>
    public void Receive(KernelEvent kernelEvent)
    {
        switch (kernelEvent)
        {
            case StandardOutputValueProduced stdout:
                Write("stdout", Text(stdout));
                break;
            case StandardErrorValueProduced stderr:
                Write("stderr", Text(stderr));
                break;
            case DisplayedValueProduced displayed:
                var output = new DisplayOutput(displayed.ValueId ?? Guid.NewGuid().ToString(), Bundle(displayed));
                lock (_gate)
                {
                    _displays[output.DisplayId] = output;
                    _outputs.Add(output);
                }

                break;
            case DisplayedValueUpdated updated:
                lock (_gate)
                {
                    // As in Jupyter, an update names the output it replaces; one naming no output shows nothing.
                    if (updated.ValueId is { } id && _displays.TryGetValue(id, out var shown))
                    {
                        shown.Bundle = Bundle(updated);
                    }
                }

                break;
            case ReturnValueProduced { Value: not Microsoft.DotNet.Interactive.Formatting.DisplayedValue } value:
                Add(new ResultOutput(Bundle(value), _executionCount));
                break;
        }
    }

    public void Write(string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

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

    private static string Text(DisplayEvent e) => string.Concat(e.FormattedValues.Select(v => v.Value));

    private static MimeBundle Bundle(DisplayEvent e) =>
        new([.. e.FormattedValues.Where(v => !v.SuppressDisplay).Select(v => KeyValuePair.Create(v.MimeType, v.Value))]);
}
