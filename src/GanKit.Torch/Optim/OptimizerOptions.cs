namespace TorchSharp.Modules;

/// <summary>The hyperparameters of one parameter group; optimisers derive their own.</summary>
public class OptimizerOptions
{
    /// <summary>Null until the group joins an optimiser, which fills in its default.</summary>
    public double? LearningRate { get; set; }

    public double InitialLearningRate { get; set; }

    /// <summary>Copies the options of another group of the same optimiser type.</summary>
    public virtual void LoadStateDict(OptimizerOptions source)
    {
        InitialLearningRate = source.InitialLearningRate;
        LearningRate = source.LearningRate;
    }

    /// <summary>Writes the options in TorchSharp's order: initial rate, then current rate (doubles); derived types append theirs.</summary>
    public virtual void SaveStateDict(BinaryWriter writer)
    {
        writer.Write(InitialLearningRate);
        writer.Write(LearningRate ?? throw new InvalidOperationException("these options have no learning rate: they belong to no optimizer yet."));
    }

    /// <summary>Reads what <see cref="SaveStateDict(BinaryWriter)"/> wrote.</summary>
    public virtual void LoadStateDict(BinaryReader reader)
    {
        InitialLearningRate = reader.ReadDouble();
        LearningRate = reader.ReadDouble();
    }
}
