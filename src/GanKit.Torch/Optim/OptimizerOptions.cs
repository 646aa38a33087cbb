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
}
