using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp.Optim;

/// <summary>The per-parameter running moments Adam and AdamW share.</summary>
internal interface IAdamMoments
{
    long Step { get; set; }
    Tensor ExpAvg { get; }
    Tensor ExpAvgSq { get; }
    /// <summary>The running maximum of <see cref="ExpAvgSq"/>, made on the first AMSGrad step.</summary>
    Tensor? MaxExpAvgSq { get; set; }
}

/// <summary>Adam's hyperparameters for one group; <see cref="Decoupled"/> selects AdamW's weight decay.</summary>
internal readonly record struct AdamSettings(double Lr, double Beta1, double Beta2, double Eps, double WeightDecay, bool Amsgrad, bool Maximize, bool Decoupled);

/// <summary>
/// Adam and AdamW as PyTorch 1.13's <c>_single_tensor_adam(w)</c> computes them, one multi-tensor call
/// per operation: m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², p += −(lr/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε).
/// Adam adds weight_decay·p to g; AdamW first scales p by 1 − lr·weight_decay.
/// </summary>
internal static class AdamAlgorithm
{
    public static void Step(Parameter[] parameters, Tensor[] grads, IAdamMoments[] states, AdamSettings s)
    {
        int n = parameters.Length;
        if (n == 0) return;
        var g = s.Maximize ? ForeachOps.Neg(grads) : grads;
        var exp_avgs = new Tensor[n];
        var exp_avg_sqs = new Tensor[n];
        var bias_correction2_sqrt = new double[n];
        var neg_step_size = new double[n];
        for (int k = 0; k < n; k++) {
            var st = states[k];
            st.Step += 1;
            exp_avgs[k] = st.ExpAvg;
            exp_avg_sqs[k] = st.ExpAvgSq;
            // Python's float ** float is C pow, as Math.Pow is.
            bias_correction2_sqrt[k] = Math.Sqrt(1 - Math.Pow(s.Beta2, st.Step));
            neg_step_size[k] = -(s.Lr / (1 - Math.Pow(s.Beta1, st.Step)));
        }
        if (s.WeightDecay != 0) {
            if (s.Decoupled) ForeachOps.MulInPlace(parameters, 1 - s.Lr * s.WeightDecay);
            else g = ForeachOps.Add(g, parameters, s.WeightDecay);
        }
        ForeachOps.MulInPlace(exp_avgs, s.Beta1);
        ForeachOps.AddInPlace(exp_avgs, g, 1 - s.Beta1);
        ForeachOps.MulInPlace(exp_avg_sqs, s.Beta2);
        ForeachOps.AddcmulInPlace(exp_avg_sqs, g, g, 1 - s.Beta2);
        var second = exp_avg_sqs;
        if (s.Amsgrad) {
            second = new Tensor[n];
            for (int k = 0; k < n; k++) second[k] = states[k].MaxExpAvgSq ??= ForeachOps.ZerosLike(parameters[k]).DetachFromDisposeScope();
            ForeachOps.MaximumInPlace(second, exp_avg_sqs);
        }
        var denom = ForeachOps.Sqrt(second);
        ForeachOps.DivInPlace(denom, bias_correction2_sqrt);
        ForeachOps.AddInPlace(denom, s.Eps);
        ForeachOps.AddcdivInPlace(parameters, exp_avgs, denom, neg_step_size);
    }
}
