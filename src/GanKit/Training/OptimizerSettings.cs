using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Training;

public enum OptimizerKind
{
    Adam,
    Sgd,

    /// <summary>RMSprop without momentum or centring (Keras's RMSprop).</summary>
    RmsProp,
}

/// <summary>
/// One optimizer's settings, and the one place that turns them into a TorchSharp optimizer
/// (<see cref="Create"/>) and steps it the Keras way (<see cref="Step"/>). Immutable: change with
/// <c>with { … }</c>. The defaults are PyTorch's; <see cref="KerasRmsProp"/> and <see cref="KerasAdam"/>
/// give Keras 2.x's.
/// </summary>
public sealed record OptimizerSettings
{
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam's β1 (0.9 is the default of PyTorch and Keras; DCGAN uses 0.5).</summary>
    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    /// <summary>RMSprop's smoothing constant: PyTorch's alpha (default 0.99), Keras's ρ (default 0.9).</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>Added to the root of the second moment (after the square root, for Adam and RMSprop alike).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 weight decay added to the gradient (PyTorch's weight_decay; not Keras's <see cref="Decay"/>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Keras's clipvalue: every gradient element is clamped to [−c, c] before the update (null: no clipping).</summary>
    public double? ClipValue { get; init; }

    /// <summary>Keras's time-based learning-rate decay: update t (counted from 0) uses lr / (1 + decay·t).</summary>
    public double Decay { get; init; }

    /// <summary>
    /// Keras 2.x's RMSprop: ρ = 0.9 and ε = K.epsilon() = 1e-7 added after the square root, which is
    /// PyTorch's RMSprop with alpha 0.9 and eps 1e-7, the same formula. (Keras 2.0.x, which the 2017
    /// original may have run, used ε = 1e-8; ε only matters where the gradient's RMS is near 1e-7.)
    /// </summary>
    public static OptimizerSettings KerasRmsProp(double learningRate) =>
        new() { Kind = OptimizerKind.RmsProp, LearningRate = learningRate, Alpha = 0.9, Epsilon = 1e-7 };

    /// <summary>
    /// Keras 2.x's Adam: β = (0.9, 0.999), ε = 1e-7, as PyTorch's Adam with those values. The ε sits in
    /// another place: Keras folds both bias corrections into the step size, lr·√(1−β2ᵗ)/(1−β1ᵗ)·m / (√v + ε),
    /// where PyTorch divides by √(v/(1−β2ᵗ)) + ε, i.e. Keras's formula with ε·√(1−β2ᵗ) (≈ 0.03·ε at t = 1,
    /// → ε as t grows). The denominators differ by less than ε = 1e-7 in absolute terms, so an update
    /// changes by a relative ε/√v̂ at most: below 1e-3 wherever a weight's gradient RMS exceeds 1e-4, as
    /// in Bulten's generator (measured 1e-4 to 1e-2), except the biases in front of batch norm, whose true
    /// gradient is zero (batch norm cancels them), so that their steps are noise in Keras too.
    /// </summary>
    public static OptimizerSettings KerasAdam(double learningRate) =>
        new() { Kind = OptimizerKind.Adam, LearningRate = learningRate, Epsilon = 1e-7 };

    /// <summary>A TorchSharp optimizer over <paramref name="parameters"/> with these settings.</summary>
    public OptimizerHelper Create(IEnumerable<Parameter> parameters) => Kind switch
    {
        OptimizerKind.Adam => optim.Adam(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay),
        OptimizerKind.RmsProp => optim.RMSProp(parameters, LearningRate, Alpha, Epsilon, WeightDecay),
        _ => optim.SGD(parameters, LearningRate, weight_decay: WeightDecay),
    };

    /// <summary>The learning rate of update <paramref name="updates"/> (the number of updates before it) under Keras's decay.</summary>
    public double LearningRateAt(long updates) => LearningRate / (1 + Decay * updates);

    /// <summary>
    /// One update as Keras's optimizers make it: clamps the gradients to <see cref="ClipValue"/>, sets the
    /// decayed learning rate, then steps. <paramref name="updates"/> counts this optimizer's earlier updates.
    /// </summary>
    public void Step(OptimizerHelper optimizer, long updates)
    {
        if (ClipValue is double clip) nn.utils.clip_grad_value_(optimizer.parameters(), clip);
        var learningRate = LearningRateAt(updates);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        optimizer.step();
    }

    /// <summary>Throws, naming <paramref name="name"/> (e.g. "OptimizerD"), when a value cannot make sense.</summary>
    public void Validate(string name)
    {
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(name, LearningRate, $"{name}.LearningRate must be positive");
        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(name, (Beta1, Beta2), $"{name}.Beta1 and Beta2 lie in [0, 1)");
        if (Alpha is < 0 or >= 1) throw new ArgumentOutOfRangeException(name, Alpha, $"{name}.Alpha lies in [0, 1)");
        if (!(Epsilon >= 0)) throw new ArgumentOutOfRangeException(name, Epsilon, $"{name}.Epsilon must not be negative");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(name, WeightDecay, $"{name}.WeightDecay must not be negative");
        if (ClipValue is double clip && !(clip > 0)) throw new ArgumentOutOfRangeException(name, clip, $"{name}.ClipValue must be positive (or null for no clipping)");
        if (!(Decay >= 0)) throw new ArgumentOutOfRangeException(name, Decay, $"{name}.Decay must not be negative");
    }
}
