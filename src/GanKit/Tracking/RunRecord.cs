using System.Text.Json;

namespace GanKit.Tracking;

/// <summary>A finished (or running) run read back from its folder: run.json and every logged value.</summary>
public sealed class RunRecord
{
    private RunRecord(string folder, RunInfo info, IReadOnlyList<SummaryValue> values)
    {
        Folder = folder;
        Info = info;
        Values = values;
    }

    public string Folder { get; }

    public RunInfo Info { get; }

    /// <summary>Every value in the run's event files, in the order written.</summary>
    public IReadOnlyList<SummaryValue> Values { get; }

    /// <summary>The tags that have scalar values, in the order first logged.</summary>
    public IReadOnlyList<string> ScalarTags => Values.Where(v => v.Scalar is not null).Select(v => v.Tag).Distinct().ToList();

    /// <summary>The curve of a scalar tag, by step.</summary>
    public IReadOnlyList<(long Step, double Value)> Scalars(string tag)
    {
        var points = Values.Where(v => v.Tag == tag && v.Scalar is not null).Select(v => (v.Step, (double)v.Scalar!.Value)).ToList();
        if (points.Count == 0)
            throw new KeyNotFoundException($"run {Info.Name} logged no scalar '{tag}'; it has: {string.Join(", ", ScalarTags)}");
        return points;
    }

    /// <summary>The steps at which an image tag was logged.</summary>
    public IReadOnlyList<long> ImageSteps(string tag) => Values.Where(v => v.Tag == tag && v.Image is not null).Select(v => v.Step).ToList();

    /// <summary>The encoded image logged under <paramref name="tag"/> at <paramref name="step"/>.</summary>
    public SummaryValue Image(string tag, long step) =>
        Values.LastOrDefault(v => v.Tag == tag && v.Step == step && v.Image is not null)
        ?? throw new KeyNotFoundException($"run {Info.Name} logged no image '{tag}' at step {step}; steps with one: {string.Join(", ", ImageSteps(tag))}");

    /// <summary>Reads a run folder. Throws with the file's name when run.json is missing or unreadable.</summary>
    public static RunRecord Load(string folder) => new(Path.GetFullPath(folder), ReadInfo(folder), EventFileReader.ReadFolder(folder));

    internal static RunInfo ReadInfo(string folder)
    {
        var path = Path.Combine(folder, ExperimentRun.InfoFileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{folder} is not a run folder: it has no {ExperimentRun.InfoFileName}", path);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<RunInfo>(stream, RunInfo.Json)
                ?? throw new InvalidDataException($"{path} holds no run description");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable run description: {e.Message}", e);
        }
    }

    public override string ToString() => $"{Info.Experiment}/{Info.Name} ({Info.Status})";
}
