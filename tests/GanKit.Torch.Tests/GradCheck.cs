namespace GanKit.Torch.Tests;

/// <summary>
/// Checks autograd against central finite differences in float64. The function's output is reduced
/// to a scalar through fixed pseudo-random weights, so every output element's gradient counts and
/// a wrong sign or transposition in one element cannot cancel out.
/// </summary>
public static class GradCheck
{
    /// <param name="function">The op under test; it receives float64 leaves that require grad.</param>
    /// <param name="inputs">float64 input values (not modified).</param>
    /// <param name="eps">Finite-difference step.</param>
    /// <param name="tolerance">Allowed |analytic − numeric| relative to max(1, |numeric|).</param>
    public static void Check(Func<Tensor[], Tensor> function, Tensor[] inputs, double eps = 1e-6, double tolerance = 1e-5)
    {
        using var scope = NewDisposeScope();
        foreach (var input in inputs)
            if (input.dtype != ScalarType.Float64) throw new ArgumentException("gradient checks run in float64");

        var leaves = inputs.Select(x => x.detach().clone().requires_grad_()).ToArray();
        var output = function(leaves);
        var weights = Weights(output.shape);
        var loss = (output * weights).sum();
        var analytic = autograd.grad([loss], leaves).ToArray();

        for (int k = 0; k < inputs.Length; k++) {
            var values = inputs[k].detach().clone().data<double>().ToArray();
            var got = analytic[k].data<double>().ToArray();
            for (int i = 0; i < values.Length; i++) {
                double numeric = (Evaluate(function, inputs, k, values, i, +eps, weights) - Evaluate(function, inputs, k, values, i, -eps, weights)) / (2 * eps);
                double error = Math.Abs(got[i] - numeric);
                if (error > tolerance * Math.Max(1, Math.Abs(numeric)))
                    throw new Xunit.Sdk.XunitException($"input {k}, element {i}: autograd gives {got[i]}, finite differences give {numeric}");
            }
        }
    }

    public static void Check(Func<Tensor, Tensor> function, Tensor input, double eps = 1e-6, double tolerance = 1e-5) =>
        Check(xs => function(xs[0]), [input], eps, tolerance);

    private static double Evaluate(Func<Tensor[], Tensor> function, Tensor[] inputs, int which, double[] values, int element, double delta, Tensor weights)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var moved = (double[])values.Clone();
        moved[element] += delta;
        var args = inputs.Select((x, j) => j == which ? tensor(moved, x.shape) : x.detach()).ToArray();
        return (function(args) * weights).sum().item<double>();
    }

    private static Tensor Weights(long[] shape)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        var values = new double[n];
        for (long i = 0; i < n; i++) values[i] = 0.5 + ((i * 7919) % 13) / 13.0;
        return tensor(values, shape);
    }
}
