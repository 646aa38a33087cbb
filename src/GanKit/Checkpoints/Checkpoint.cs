using System.Text;
using System.Text.Json;
using GanKit.Training;
using TorchSharp;

namespace GanKit.Checkpoints;

/// <summary>
/// One file holding everything needed to resume a <see cref="GanTrainer"/> exactly: counters and
/// history (JSON), both networks (TorchSharp's Module.save format), both optimizers' state
/// (TorchSharp's save_state_dict format, so Adam's moments and step counts carry over) and torch's
/// random generator state (so shuffles and noise continue the same stream). Written atomically.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "GanKit.Checkpoint";
    private const int FormatVersion = 3;

    /// <summary>What a checkpoint records besides tensors.</summary>
    internal sealed record TrainerState(int Epoch, long Step, TrainingHistory History);

    public static void Save(GanTrainer trainer, string path) => AtomicFile.Write(path, stream => Write(trainer, stream));

    /// <summary>
    /// Restores a checkpoint into a trainer built with the same networks and options, and torch's random
    /// generator to where the saved run was. A file that does not fit (other shapes, another optimizer,
    /// truncated) throws and leaves the trainer and the generator as they were.
    /// </summary>
    public static void Load(GanTrainer trainer, string path)
    {
        using var stream = File.OpenRead(path);
        // Networks and optimizers load one after another, so keep the trainer's own state to roll back to.
        using var backup = new MemoryStream();
        Write(trainer, backup);
        TrainerState state;
        try
        {
            state = Read(trainer, stream, path);
        }
        catch
        {
            backup.Position = 0;
            Read(trainer, backup, "the trainer's own state");
            throw;
        }
        trainer.Restore(state.Epoch, state.Step, state.History);
    }

    private static void Write(GanTrainer trainer, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(JsonSerializer.Serialize(new TrainerState(trainer.EpochCount, trainer.StepCount, trainer.History)));
        trainer.Generator.save(writer);
        trainer.Discriminator.save(writer);
        trainer.OptimizerG.save_state_dict(writer);
        trainer.OptimizerD.save_state_dict(writer);
        using var rng = torch.get_rng_state();
        var rngBytes = rng.data<byte>().ToArray();
        writer.Write(rngBytes.Length);
        writer.Write(rngBytes);
    }

    /// <summary>Loads the tensors into the trainer's networks and optimizers; returns the counters and history for the caller to restore.</summary>
    private static TrainerState Read(GanTrainer trainer, Stream stream, string source)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{source} is not a GanKit checkpoint");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{source} has checkpoint format {version}; this GanKit reads format {FormatVersion}");
            var state = JsonSerializer.Deserialize<TrainerState>(reader.ReadString())
                ?? throw new InvalidDataException($"{source} has no trainer state");
            trainer.Generator.load(reader);
            trainer.Discriminator.load(reader);
            trainer.OptimizerG.load_state_dict(reader);
            trainer.OptimizerD.load_state_dict(reader);
            var rngLength = reader.ReadInt32();
            var rngBytes = reader.ReadBytes(rngLength);
            if (rngBytes.Length != rngLength) throw new EndOfStreamException("the file ends inside the random generator state");
            using var rng = torch.tensor(rngBytes);
            torch.set_rng_state(rng);
            return state;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or FormatException)
        {
            throw new InvalidDataException($"{source} is not a readable GanKit checkpoint: {e.Message}", e);
        }
    }
}
