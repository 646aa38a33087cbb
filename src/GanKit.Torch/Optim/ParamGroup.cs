using static TorchSharp.torch.optim;

namespace TorchSharp.Modules;

/// <summary>A set of parameters that share optimiser options (for example their own learning rate).</summary>
public class ParamGroup : ILearningRateController
{
    public IEnumerable<Parameter> Parameters { get; set; } = [];

    /// <summary>Null until the group joins an optimiser, which then fills in every option left unset.</summary>
    public OptimizerOptions? Options { get; set; }

    public double LearningRate
    {
        get => RequireOptions().LearningRate ?? throw NotJoined();
        set => RequireOptions().LearningRate = value;
    }

    public double InitialLearningRate
    {
        get => RequireOptions().InitialLearningRate;
        set => RequireOptions().InitialLearningRate = value;
    }

    internal OptimizerOptions RequireOptions() => Options ?? throw NotJoined();

    private static InvalidOperationException NotJoined() =>
        new("this parameter group has no options yet: pass it to an optimizer (or set Options) first.");
}

/// <summary>A parameter group with a given optimiser's options type.</summary>
public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions
{
    public ParamGroup() { }

    public ParamGroup(IEnumerable<Parameter> parameters, TOptions? options = null)
    {
        Parameters = parameters;
        base.Options = options;
    }

    public new TOptions? Options
    {
        get => (TOptions?)base.Options;
        set => base.Options = value;
    }
}
