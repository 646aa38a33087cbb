using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanKit.Tracking;

/// <summary>Where a run stands. A run whose process died keeps <see cref="Running"/> in its run.json.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    Running,
    Completed,
    Cancelled,
    Diverged,
    Failed,
}

/// <summary>The commit the code came from, and whether the working tree had changes on top of it.</summary>
public sealed record CodeVersion(string Commit, bool Dirty)
{
    public static CodeVersion Unknown { get; } = new("unknown", false);

    public override string ToString() => Dirty ? $"{Commit} (with uncommitted changes)" : Commit;
}

/// <summary>
/// What a run folder's <c>run.json</c> holds: who the run is, the parameters and seed it ran with, the code
/// and machine it ran on, how it ended and what it measured at the end. Curves and images live beside it
/// in TensorBoard event files.
/// </summary>
public sealed record RunInfo
{
    /// <summary>The run folder's name, unique within its experiment.</summary>
    public required string Name { get; init; }

    public required string Experiment { get; init; }

    public required DateTimeOffset Started { get; init; }

    public DateTimeOffset? Ended { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>How the run ended, in words (the trainer's message), when it has ended.</summary>
    public string? Message { get; init; }

    public required int Seed { get; init; }

    /// <summary>Every parameter the run was started with, in the order given.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Parameters { get; init; }

    public required CodeVersion Code { get; init; }

    /// <summary>Library versions, backend, device, threads, OS and CPU.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Final numbers the run recorded with <see cref="ExperimentRun.Complete"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Results { get; init; } = new Dictionary<string, JsonElement>();

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
}
