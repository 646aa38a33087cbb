using System.Globalization;
using System.Text;
using System.Text.Json;
using GanKit.IO;
using GanKit.Reporting;
using TorchSharp;

namespace GanKit.Tracking;

/// <summary>
/// One tracked training run, in the spirit of Comet's <c>Experiment</c> and TensorBoard's run folders: a new
/// folder <c>{root}/{experiment}/{yyyyMMdd-HHmmss}-{label}</c> that no later run overwrites, a <c>run.json</c>
/// with the parameters, seed, code version and environment, and TorchSharp's own
/// <see cref="Writer"/> (<c>torch.utils.tensorboard.SummaryWriter</c>) for curves, images and text, so
/// <c>tensorboard --logdir {root}</c> opens every run. <see cref="Complete"/> records how it ended; a run whose
/// process died stays "Running" in run.json. The writer appends each event to its file as it comes (TorchSharp's
/// writer has nothing to flush or dispose), so a crash loses at most the event being written.
/// </summary>
public sealed class ExperimentRun
{
    public const string InfoFileName = "run.json";

    private ExperimentRun(string folder, RunInfo info)
    {
        Folder = folder;
        Info = info;
        Writer = torch.utils.tensorboard.SummaryWriter(folder);
    }

    /// <summary>The run's folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>What run.json says now.</summary>
    public RunInfo Info { get; private set; }

    /// <summary>TorchSharp's TensorBoard writer for this run's folder.</summary>
    public TorchSharp.Modules.SummaryWriter Writer { get; }

    /// <summary>
    /// Creates the run folder and its run.json. <paramref name="parameters"/> are the values to compare runs by
    /// (numbers, strings, booleans); they are also written to TensorBoard's text tab.
    /// </summary>
    /// <param name="root">Folder of all runs; relative paths are taken from the current directory (a notebook's own folder).</param>
    /// <param name="label">A short name for this variant, e.g. "baseline"; letters, digits, '-', '_' and '.'.</param>
    public static ExperimentRun Start(string experiment, int seed, IReadOnlyDictionary<string, object?> parameters,
        string root = "runs", string label = "run")
    {
        CheckName(experiment, nameof(experiment));
        CheckName(label, nameof(label));
        ArgumentNullException.ThrowIfNull(parameters);
        var started = DateTimeOffset.Now;
        var folder = ClaimFolder(Path.GetFullPath(Path.Combine(root, experiment)),
            started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + label);
        var info = new RunInfo
        {
            Name = Path.GetFileName(folder),
            Experiment = experiment,
            Started = started,
            Seed = seed,
            Parameters = parameters.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
            Code = GitVersion.Of(Path.GetDirectoryName(typeof(ExperimentRun).Assembly.Location) ?? "."),
            Environment = EnvironmentReport.Describe(),
        };
        WriteInfo(folder, info);
        var run = new ExperimentRun(folder, info);
        run.Writer.add_text("parameters", ParameterTable(info), 0);
        return run;
    }

    /// <summary>Marks the run as ended: status, the trainer's message, and final results to compare runs by.</summary>
    public void Complete(RunStatus status, string? message = null, IReadOnlyDictionary<string, object?>? results = null)
    {
        if (status == RunStatus.Running)
            throw new ArgumentException("a run completes with Completed, Cancelled, Diverged or Failed", nameof(status));
        Info = Info with
        {
            Ended = DateTimeOffset.Now,
            Status = status,
            Message = message,
            Results = (results ?? new Dictionary<string, object?>()).ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
        };
        WriteInfo(Folder, Info);
    }

    public override string ToString() => $"{Info.Experiment}/{Info.Name} ({Info.Status})";

    internal static void WriteInfo(string folder, RunInfo info) =>
        AtomicFile.Write(Path.Combine(folder, InfoFileName), stream => JsonSerializer.Serialize(stream, info, RunInfo.Json));

    // The first free name wins: a folder that exists belongs to another run, even one started in the same second.
    private static string ClaimFolder(string experimentFolder, string name)
    {
        Directory.CreateDirectory(experimentFolder);
        for (var attempt = 1; ; attempt++)
        {
            var folder = Path.Combine(experimentFolder, attempt == 1 ? name : $"{name}-{attempt}");
            if (Directory.Exists(folder))
                continue;
            Directory.CreateDirectory(folder);
            try
            {
                // The run.json placeholder is the claim: CreateNew fails if another process got here first.
                using var claim = new FileStream(Path.Combine(folder, InfoFileName), FileMode.CreateNew);
                return folder;
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, InfoFileName)))
            {
            }
        }
    }

    private static void CheckName(string name, string parameter)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.StartsWith('.'))
            throw new ArgumentException($"'{name}' is not usable in a folder name: use letters, digits, '-', '_' and '.'", parameter);
    }

    private static string ParameterTable(RunInfo info)
    {
        var text = new StringBuilder("| parameter | value |\n|---|---|\n");
        text.Append(CultureInfo.InvariantCulture, $"| seed | {info.Seed} |\n");
        foreach (var (key, value) in info.Parameters)
            text.Append(CultureInfo.InvariantCulture, $"| {key} | {value} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| code | {info.Code} |\n");
        return text.ToString();
    }
}
