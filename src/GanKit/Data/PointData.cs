using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>PointGAN's data: every real example is the constant 1; G's inputs are x ~ U(−1, 1). Used in notebook 02.</summary>
public static class PointData
{
    /// <summary>The one real value G must learn to output.</summary>
    public const float RealValue = 1f;

    /// <summary>G's inputs, shape <paramref name="shape"/>: uniform [0, 1) × 2 − 1, as the article draws them.</summary>
    public static Tensor Inputs(params long[] shape)
    {
        using var scope = NewDisposeScope();
        return rand(shape).mul(2).sub(1).MoveToOuterDisposeScope();
    }

    /// <summary>Real examples "like" a batch of inputs: ones of the same shape.</summary>
    public static Tensor RealLike(Tensor inputs) => full_like(inputs, RealValue);
}
