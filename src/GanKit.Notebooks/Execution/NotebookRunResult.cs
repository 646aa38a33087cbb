using GanKit.Notebooks.Model;

namespace GanKit.Notebooks.Execution;

/// <summary>One executed code cell: where it is (1-based among all cells), its id, outcome and time.</summary>
public sealed record CellRun(int Position, string? Id, RunStatus Status, TimeSpan Duration)
{
    public string Name => $"cell {Position}{(Id is null ? "" : $" (id {Id})")}";
}

/// <summary>The executed notebook with its outputs, and how the run went.</summary>
public sealed record NotebookRunResult(Notebook Notebook, RunStatus Status, IReadOnlyList<CellRun> Cells, TimeSpan Duration, string? Message)
{
    /// <summary>The cell that stopped the run, if one did.</summary>
    public CellRun? FailedCell => Cells.FirstOrDefault(c => c.Status != RunStatus.Succeeded);

    public int ExitCode => ExitCodes.For(Status);
}
