using TorchSharp.Modules;

namespace GanKit.Torch.Tests.Optim;

/// <summary>Small parameters with hand-set gradients, and reading values back as doubles.</summary>
internal static class OptimTestKit
{
    public static Parameter Param(params double[] values) => new(tensor(values, ScalarType.Float64));

    /// <summary>Sets a parameter's gradient directly, so that closed forms need no loss.</summary>
    public static void SetGrad(Parameter p, params double[] grad) => p.grad = tensor(grad, ScalarType.Float64);

    public static double[] Values(Tensor t) =>
        t.dtype == ScalarType.Float32 ? t.data<float>().Select(v => (double)v).ToArray() : t.data<double>().ToArray();

    public static void AssertClose(double[] expected, Tensor actual, double tolerance = 1e-12)
    {
        var values = Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - values[k]) <= tolerance * Math.Max(1, Math.Abs(expected[k])),
                $"element {k}: expected {expected[k]:R}, got {values[k]:R}");
    }
}
