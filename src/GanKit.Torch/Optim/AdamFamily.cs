using TorchSharp.Optim;
using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>
/// What Adam and AdamW share: options, validation and the update (see <see cref="AdamAlgorithm"/>).
/// GanKit's common base; TorchSharp derives both from <see cref="OptimizerHelper"/> directly.
/// </summary>
public abstract class AdamFamily<TOptions> : OptimizerHelper, optim.IBetas where TOptions : AdamOptions, new()
{
    private readonly bool _decoupled;

    private protected AdamFamily(IEnumerable<ParamGroup> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize, bool decoupled)
    {
        AdamOptions.Validate(lr, beta1, beta2, eps, weight_decay);
        _decoupled = decoupled;
        _defaults = new TOptions {
            LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps,
            weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize,
        };
        foreach (var g in parameters) add_param_group(g);
    }

    public override Tensor? step(Func<Tensor>? closure = null) => _step<ParamGroup>(group => {
        var o = OptionsOf<TOptions>(group);
        var settings = new AdamSettings(o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value,
            o.eps!.Value, o.weight_decay!.Value, o.amsgrad!.Value, o.maximize!.Value, _decoupled);
        foreach (var (ps, grads, states) in WithGradients<AdamMomentsState>(group)) AdamAlgorithm.Step(ps, grads, states, settings);
    }, closure);

    private protected override OptimizerOptions NewOptions() => new TOptions();

    private protected override void FillOptions(OptimizerOptions options) => Expect<TOptions>(options).FillFrom((TOptions)_defaults);

    public (double, double) Betas
    {
        get => (((TOptions)_defaults).beta1!.Value, ((TOptions)_defaults).beta2!.Value);
        set => (((TOptions)_defaults).beta1, ((TOptions)_defaults).beta2) = value;
    }
}
