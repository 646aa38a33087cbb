using System.Text.Json;

namespace GanKit.Tracking;

/// <summary>A parameter whose value is not the same in every compared run (null where a run lacks it).</summary>
public sealed record ParameterDifference(string Name, IReadOnlyList<string?> Values);

/// <summary>Finds, loads and compares the runs under a runs folder.</summary>
public static class Runs
{
    /// <summary>
    /// The runs under <paramref name="root"/> (optionally of one experiment), oldest first. Folders whose run.json
    /// cannot be read (a run that died before writing it) are left out.
    /// </summary>
    public static IReadOnlyList<RunInfo> List(string root = "runs", string? experiment = null)
    {
        if (!Directory.Exists(root))
            return [];
        var experiments = experiment is null ? Directory.GetDirectories(root) : [Path.Combine(root, experiment)];
        var runs = new List<RunInfo>();
        foreach (var folder in experiments.Where(Directory.Exists).SelectMany(Directory.GetDirectories))
        {
            try
            {
                runs.Add(RunRecord.ReadInfo(folder));
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
            }
        }
        return runs.OrderBy(r => r.Started).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The newest completed run of <paramref name="experiment"/> under <paramref name="root"/>, of the variant
    /// <paramref name="label"/> when given (the folder name's last part, e.g. "baseline"). None throws, saying where
    /// it looked, so a notebook that builds on another's run tells the reader which to run first.
    /// </summary>
    public static RunInfo LatestCompleted(string root, string experiment, string? label = null) =>
        List(root, experiment).LastOrDefault(r => r.Status == RunStatus.Completed && (label is null || r.Name.EndsWith("-" + label, StringComparison.Ordinal)))
        ?? throw new DirectoryNotFoundException(
            $"no completed {(label is null ? "" : $"'{label}' ")}run of '{experiment}' in {Path.GetFullPath(Path.Combine(root, experiment))}");

    /// <summary>The folder of a listed run.</summary>
    public static string FolderOf(RunInfo run, string root = "runs") => Path.GetFullPath(Path.Combine(root, run.Experiment, run.Name));

    /// <summary>The parameters (seed included) whose values differ between <paramref name="runs"/>, in first-seen order.</summary>
    public static IReadOnlyList<ParameterDifference> Differences(IReadOnlyList<RunInfo> runs)
    {
        if (runs.Count < 2)
            throw new ArgumentException("comparing needs at least two runs", nameof(runs));
        var names = runs.SelectMany(r => r.Parameters.Keys).Distinct().ToList();
        var differences = new List<ParameterDifference>();
        if (runs.Select(r => r.Seed).Distinct().Count() > 1)
            differences.Add(new ParameterDifference("seed", runs.Select(r => (string?)r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        foreach (var name in names)
        {
            var values = runs.Select(r => r.Parameters.TryGetValue(name, out var v) ? Text(v) : null).ToList();
            if (values.Distinct().Count() > 1)
                differences.Add(new ParameterDifference(name, values));
        }
        return differences;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
