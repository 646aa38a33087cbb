using System.Text;
using System.Text.Json;
using GanKit.IO;
using GanKit.Training;
using GanKit.Training.Dcgan;
using GanKit.Training.Keras;
using TorchSharp;

namespace GanKit.Checkpoints;

/// <summary>
/// One file holding everything needed to resume a trainer exactly: counters and history (JSON), both
/// networks (TorchSharp's Module.save format), both optimizers' state (TorchSharp's save_state_dict
/// format, so Adam's and RMSprop's moments and step counts carry over) and torch's CPU random generator
/// state (so shuffles, noise and dropout continue the same stream). Written atomically.
/// The JSON names the trainer type ("Trainer"); files without that field are <see cref="GanTrainer"/>'s.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "GanKit.Checkpoint";
    private const int FormatVersion = 3;
    private const string DefaultKind = nameof(GanTrainer);

    public static void Save(GanTrainer trainer, string path) => Save((ICheckpointable)trainer, path);

    public static void Save(KerasGanTrainer trainer, string path) => Save((ICheckpointable)trainer, path);

    public static void Save(DcganTrainer trainer, string path) => Save((ICheckpointable)trainer, path);

    /// <summary>
    /// Restores a checkpoint into a trainer built with the same networks and options, and torch's random
    /// generator to where the saved run was. A file that does not fit (another trainer, other shapes,
    /// another optimizer, truncated) throws and leaves the trainer and the generator as they were.
    /// </summary>
    public static void Load(GanTrainer trainer, string path) => Load((ICheckpointable)trainer, path);

    /// <inheritdoc cref="Load(GanTrainer, string)"/>
    public static void Load(KerasGanTrainer trainer, string path) => Load((ICheckpointable)trainer, path);

    /// <inheritdoc cref="Load(GanTrainer, string)"/>
    public static void Load(DcganTrainer trainer, string path) => Load((ICheckpointable)trainer, path);

    private static void Save(ICheckpointable trainer, string path) => Save(trainer, path, stream => stream);

    /// <summary>As the public Save, writing through <paramref name="wrap"/>'s stream: tests inject a failing write.</summary>
    internal static void Save(ICheckpointable trainer, string path, Func<Stream, Stream> wrap) =>
        AtomicFile.Write(path, stream => Write(trainer, wrap(stream)));

    private static void Load(ICheckpointable trainer, string path)
    {
        using var stream = File.OpenRead(path);
        // Networks and optimizers load one after another, so keep the trainer's own state to roll back to.
        using var backup = new MemoryStream();
        Write(trainer, backup);
        Action restore;
        try
        {
            restore = Read(trainer, stream, path);
        }
        catch
        {
            backup.Position = 0;
            Read(trainer, backup, "the trainer's own state");
            throw;
        }
        restore();
    }

    private static void Write(ICheckpointable trainer, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        var state = trainer.SaveState();
        writer.Write(JsonSerializer.Serialize(state, state.GetType()));
        trainer.Generator.save(writer);
        trainer.Discriminator.save(writer);
        trainer.OptimizerG.save_state_dict(writer);
        trainer.OptimizerD.save_state_dict(writer);
        using var rng = torch.get_rng_state();
        var rngBytes = rng.data<byte>().ToArray();
        writer.Write(rngBytes.Length);
        writer.Write(rngBytes);
    }

    /// <summary>Loads the tensors into the trainer's networks and optimizers; returns the action that restores its counters and history.</summary>
    private static Action Read(ICheckpointable trainer, Stream stream, string source)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{source} is not a GanKit checkpoint");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{source} has checkpoint format {version}; this GanKit reads format {FormatVersion}");
            var json = reader.ReadString();
            var kind = KindOf(json);
            if (kind != trainer.Kind) throw new InvalidDataException($"{source} is a checkpoint of a {kind}, not of a {trainer.Kind}");
            var restore = trainer.ReadState(json, source);
            trainer.Generator.load(reader);
            trainer.Discriminator.load(reader);
            trainer.OptimizerG.load_state_dict(reader);
            trainer.OptimizerD.load_state_dict(reader);
            var rngLength = reader.ReadInt32();
            var rngBytes = reader.ReadBytes(rngLength);
            if (rngBytes.Length != rngLength) throw new EndOfStreamException("the file ends inside the random generator state");
            using var rng = torch.tensor(rngBytes);
            torch.set_rng_state(rng);
            return restore;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or FormatException)
        {
            throw new InvalidDataException($"{source} is not a readable GanKit checkpoint: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            // TorchSharp's load refuses a tensor of another shape or type with an ArgumentException.
            throw new InvalidDataException($"{source} does not fit this trainer's networks: {e.Message}", e);
        }
    }

    private static string KindOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Trainer", out var kind)
            ? kind.GetString() ?? DefaultKind
            : DefaultKind;
    }
}
