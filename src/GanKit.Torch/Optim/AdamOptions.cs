namespace TorchSharp.Modules;

/// <summary>
/// The options Adam and AdamW share (GanKit's common base of <c>Adam.Options</c> and <c>AdamW.Options</c>;
/// TorchSharp declares the fields in each).
/// </summary>
public abstract class AdamOptions : OptimizerOptions
{
    public double? beta1;
    public double? beta2;
    public double? weight_decay;
    public double? eps;
    public bool? amsgrad;
    public bool? maximize;

    public override void LoadStateDict(OptimizerOptions source)
    {
        base.LoadStateDict(source);
        var o = (AdamOptions)source;
        (beta1, beta2, weight_decay, eps, amsgrad, maximize) = (o.beta1, o.beta2, o.weight_decay, o.eps, o.amsgrad, o.maximize);
    }

    /// <summary>Fills every option left null from the optimiser's defaults.</summary>
    internal void FillFrom(AdamOptions defaults)
    {
        beta1 ??= defaults.beta1;
        beta2 ??= defaults.beta2;
        eps ??= defaults.eps;
        weight_decay ??= defaults.weight_decay;
        amsgrad ??= defaults.amsgrad;
        maximize ??= defaults.maximize;
    }

    /// <summary>PyTorch's checks and messages for Adam's and AdamW's hyperparameters.</summary>
    internal static void Validate(double lr, double beta1, double beta2, double eps, double weight_decay)
    {
        if (!(lr >= 0)) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
        if (!(eps >= 0)) throw new ArgumentException($"Invalid epsilon value: {eps}", nameof(eps));
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}", nameof(beta2));
        if (!(weight_decay >= 0)) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}", nameof(weight_decay));
    }
}
