using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>A loss module: two inputs and a reduction.</summary>
public abstract class Loss<T1, T2, TResult> : nn.Module<T1, T2, TResult>
{
    public Loss(nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(Loss<T1, T2, TResult>))
    {
        this.reduction = reduction;
    }

    public nn.Reduction reduction { get; }
}

/// <summary>A loss with optional per-class (or per-element) weights.</summary>
public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
{
    public WeightedLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(reduction)
    {
        this.weight = weight;
    }

    public Tensor? weight { get; }
}
