using System.Text.Json;
using System.Text.Json.Serialization;
using GanKit.Notebooks.Execution;

namespace GanKit.Notebooks.Cli;

/// <summary>
/// How one notebook's run ended, as the summary table shows it: from a run in this process or, written as JSON by
/// <c>--report</c>, from a run in a process of its own.
/// </summary>
internal sealed record RunOutcome(
    string Path,
    string? Written,
    RunStatus? Status,
    int CellsRun,
    int CodeCells,
    double Seconds,
    string? Message,
    string? FailedCell,
    string? Problem)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public bool Succeeded => Problem is null && Status == RunStatus.Succeeded;

    public int ExitCode => Problem is not null ? ExitCodes.InvalidInput : ExitCodes.For(Status!.Value);

    public static RunOutcome From(string path, string written, NotebookRunResult result) => new(
        path, written, result.Status, result.Cells.Count, result.Notebook.CodeCells.Count(), result.Duration.TotalSeconds,
        result.Message, result.FailedCell?.Name, null);

    public static RunOutcome Unusable(string path, string problem) => new(path, null, null, 0, 0, 0, null, null, problem);

    /// <summary>A notebook whose own process ended without reporting (it crashed or was killed).</summary>
    public static RunOutcome Crashed(string path, int exitCode) => new(
        path, null, RunStatus.Failed, 0, 0, 0, $"its gankit-nb process ended with code {exitCode} without a report", $"its process (code {exitCode})", null);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunOutcome? FromJson(string json) => JsonSerializer.Deserialize<RunOutcome>(json, Json);
}
