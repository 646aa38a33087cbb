using System.Text;
using System.Text.Json;
using GanKit.Training;

namespace GanKit.Checkpoints;

/// <summary>
/// One file holding everything needed to resume a <see cref="GanTrainer"/>: counters and history (JSON),
/// and both networks (TorchSharp's Module.save format). Written atomically.
/// </summary>
/// <remarks>
/// Optimizer state (Adam's moments) is not stored yet: GanKit.Torch has no optimizer save_state_dict,
/// so a resumed run restarts its moments from zero and continues close to, not exactly on, the original path.
/// </remarks>
public static class Checkpoint
{
    private const string Magic = "GanKit.Checkpoint";
    private const int FormatVersion = 1;

    /// <summary>What a checkpoint records besides tensors.</summary>
    internal sealed record TrainerState(int Epoch, long Step, TrainingHistory History);

    public static void Save(GanTrainer trainer, string path) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(JsonSerializer.Serialize(new TrainerState(trainer.EpochCount, trainer.StepCount, trainer.History)));
        trainer.Generator.save(writer);
        trainer.Discriminator.save(writer);
    });

    /// <summary>Restores a checkpoint into a trainer built with the same networks and options.</summary>
    public static void Load(GanTrainer trainer, string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        TrainerState state;
        try
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException($"{path} is not a GanKit checkpoint");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{path} has checkpoint format {version}; this GanKit reads format {FormatVersion}");
            state = JsonSerializer.Deserialize<TrainerState>(reader.ReadString())
                ?? throw new InvalidDataException($"{path} has no trainer state");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a readable GanKit checkpoint: {e.Message}", e);
        }
        trainer.Generator.load(reader);
        trainer.Discriminator.load(reader);
        trainer.Restore(state.Epoch, state.Step, state.History);
    }
}
