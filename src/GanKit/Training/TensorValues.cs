using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training;

/// <summary>Reading numbers out of tensors for histories, whatever their float type.</summary>
internal static class TensorValues
{
    /// <summary>A one-element tensor as a double (float32 and float64 tensors alike).</summary>
    public static double ToDoubleValue(this Tensor scalar)
    {
        using var asDouble = scalar.to_type(ScalarType.Float64);
        return asDouble.item<double>();
    }

    /// <summary>The L2 norm of all gradients of <paramref name="parameters"/> (those without a gradient count as 0).</summary>
    public static double GradientNorm(IEnumerable<Tensor> parameters)
    {
        using var scope = NewDisposeScope();
        double sumOfSquares = 0;
        foreach (var parameter in parameters)
        {
            if (parameter.grad is { } gradient) sumOfSquares += gradient.mul(gradient).sum().ToDoubleValue();
        }
        return Math.Sqrt(sumOfSquares);
    }
}
