using TorchSharp;
using TorchSharp.Modules;

namespace GanKit.Checkpoints;

/// <summary>What <see cref="Checkpoint"/> saves of a trainer and puts back.</summary>
internal interface ICheckpointable
{
    /// <summary>The trainer's type name; a checkpoint of another kind is refused by name.</summary>
    string Kind { get; }

    torch.nn.Module Generator { get; }
    torch.nn.Module Discriminator { get; }
    OptimizerHelper OptimizerG { get; }
    OptimizerHelper OptimizerD { get; }

    /// <summary>Counters, history and other non-parameter state, serialised to JSON as its runtime type.</summary>
    object SaveState();

    /// <summary>
    /// Parses <paramref name="json"/> and checks it fits this trainer, throwing before anything changes;
    /// returns the action that applies it once the tensors have loaded.
    /// </summary>
    Action ReadState(string json, string source);
}
