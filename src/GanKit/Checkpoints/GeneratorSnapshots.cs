using System.Globalization;
using System.Text.RegularExpressions;
using GanKit.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Checkpoints;

/// <summary>A generator's weights kept at one training step (<see cref="GeneratorSnapshots"/>).</summary>
public sealed record GeneratorSnapshot(long Step, string Path);

/// <summary>
/// A generator's weights at chosen training steps, one file per step in a run folder's <c>generator</c>
/// sub-folder (<c>step-000200.bin</c>, TorchSharp's Module.save format): only G, so a kept step costs G's
/// size, not a whole checkpoint's. Notebook 03 keeps them while it trains; notebook 05 scores each one.
/// </summary>
public static partial class GeneratorSnapshots
{
    public const string FolderName = "generator";

    /// <summary>Writes G's weights (atomically) as the snapshot of <paramref name="step"/> in <paramref name="runFolder"/>; returns the file.</summary>
    public static string Save(nn.Module generator, string runFolder, long step)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "a training step is 0 or more");
        var path = Path.Combine(runFolder, FolderName, string.Create(CultureInfo.InvariantCulture, $"step-{step:D6}.bin"));
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            generator.save(writer);
        });
        return path;
    }

    /// <summary>The snapshots kept in <paramref name="runFolder"/>, by step; none when it has no <c>generator</c> folder.</summary>
    public static IReadOnlyList<GeneratorSnapshot> List(string runFolder)
    {
        var folder = Path.Combine(runFolder, FolderName);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "step-*.bin")
            .Select(path => (path, match: SnapshotName().Match(Path.GetFileName(path))))
            .Where(f => f.match.Success)
            .Select(f => new GeneratorSnapshot(long.Parse(f.match.Groups[1].Value, CultureInfo.InvariantCulture), f.path))
            .OrderBy(s => s.Step)
            .ToList();
    }

    /// <summary>
    /// Loads a snapshot into <paramref name="generator"/>, which must be built like the one that was saved.
    /// A file of other networks or a damaged file throws <see cref="InvalidDataException"/> naming the file,
    /// and leaves the generator as it was.
    /// </summary>
    public static void Load(nn.Module generator, string path)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!File.Exists(path)) throw new FileNotFoundException($"no generator snapshot at {path}", path);
        // Tensors load one after another: keep G's own weights to roll back to.
        using var backup = new MemoryStream();
        using (var writer = new BinaryWriter(backup, System.Text.Encoding.UTF8, leaveOpen: true)) generator.save(writer);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            generator.load(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException)
        {
            backup.Position = 0;
            using (var reader = new BinaryReader(backup)) generator.load(reader);
            // TorchSharp's load refuses a tensor of another shape or type with an ArgumentException.
            throw new InvalidDataException(e is not ArgumentException
                ? $"{path} is not a complete generator snapshot: {e.Message}"
                : $"{path} does not fit this generator: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"^step-(\d+)\.bin$")]
    private static partial Regex SnapshotName();
}
