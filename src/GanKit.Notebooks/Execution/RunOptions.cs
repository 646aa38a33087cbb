namespace GanKit.Notebooks.Execution;

/// <summary>How a notebook is run.</summary>
public sealed record RunOptions
{
    /// <summary>Values for variables of the cell tagged <c>parameters</c>, as typed on the command line.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether each notebook's own smoke parameters (<c>metadata.gankit.smoke_parameters</c>) apply, under <see cref="Parameters"/>.</summary>
    public bool UseSmokeParameters { get; init; }

    /// <summary>Longest a cell may run before it is cancelled; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// How long a cancelled or timed-out cell gets to notice its token and stop. A cell that ignores the
    /// token cannot be aborted (.NET has no thread abort): the run stops without it.
    /// </summary>
    public TimeSpan CancellationGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Called as each code cell starts and finishes (progress displays, tests).</summary>
    public Action<CellEvent>? OnCell { get; init; }
}

/// <summary>A code cell starting (<see cref="Status"/> null) or finishing.</summary>
public sealed record CellEvent(int Number, int CodeCellCount, string? CellId, RunStatus? Status);
