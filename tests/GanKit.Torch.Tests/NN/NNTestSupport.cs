using System.Text.Json;

namespace GanKit.Torch.Tests.NN;

/// <summary>PyTorch's reference values from Golden/nn_goldens.json (made by Golden/nn_make_goldens.py).</summary>
internal static class NNGolden
{
    private static readonly Lazy<Dictionary<string, (long[] shape, double[] data)>> Entries = new(Load);

    private static Dictionary<string, (long[] shape, double[] data)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "nn_goldens.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, (long[], double[])>();
        foreach (var e in doc.RootElement.EnumerateObject()) {
            var shape = e.Value.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            var data = e.Value.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            result[e.Name] = (shape, data);
        }
        return result;
    }

    public static double[] Data(string name) => Entries.Value[name].data;

    public static long[] Shape(string name) => Entries.Value[name].shape;

    /// <summary>The golden as a tensor, float64 unless asked otherwise.</summary>
    public static Tensor Tensor(string name, ScalarType dtype = ScalarType.Float64)
    {
        var (shape, data) = Entries.Value[name];
        return tensor(data, shape, dtype);
    }
}

internal static class NNAssert
{
    public static double[] Values(Tensor t) => t.to_type(ScalarType.Float64).data<double>().ToArray();

    /// <summary>Same shape and every element within an absolute plus relative tolerance.</summary>
    public static void Close(double[] expected, long[] expectedShape, Tensor actual, double tol = 1e-6)
    {
        Assert.Equal(expectedShape, actual.shape);
        var values = Values(actual);
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < values.Length; i++) {
            var bound = tol * (1 + Math.Abs(expected[i]));
            Assert.True(Math.Abs(values[i] - expected[i]) <= bound, $"element {i}: expected {expected[i]}, got {values[i]} (tolerance {bound})");
        }
    }

    public static void CloseToGolden(string golden, Tensor actual, double tol = 1e-6) =>
        Close(NNGolden.Data(golden), NNGolden.Shape(golden), actual, tol);
}

/// <summary>
/// Checks autograd against central finite differences in float64: for f(inputs) reduced to a
/// scalar by a fixed weighting of its output, every input element's derivative.
/// </summary>
internal static class NNGradCheck
{
    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        const double eps = 1e-6, tol = 1e-5;
        using var scope = NewDisposeScope();
        var values = inputs.Select(NNAssert.Values).ToArray();
        var shapes = inputs.Select(t => t.shape).ToArray();

        // A fixed, uneven weighting of the output makes the check see every output element.
        Tensor Objective(Tensor[] xs)
        {
            var y = f(xs);
            var n = y.numel();
            var w = tensor(Enumerable.Range(0, (int)n).Select(i => 0.3 + 0.7 * Math.Sin(1.7 * i + 0.4)).ToArray(), y.shape, ScalarType.Float64);
            return (y * w).sum();
        }

        var leaves = values.Select((v, k) => tensor(v, shapes[k], ScalarType.Float64, requires_grad: true)).ToArray();
        Objective(leaves).backward();
        for (int k = 0; k < leaves.Length; k++) {
            var analytic = leaves[k].grad is { } g ? NNAssert.Values(g) : new double[values[k].Length];
            for (int i = 0; i < values[k].Length; i++) {
                var numeric = (Evaluate(k, i, +eps) - Evaluate(k, i, -eps)) / (2 * eps);
                Assert.True(Math.Abs(numeric - analytic[i]) <= tol * (1 + Math.Abs(numeric)),
                    $"input {k} element {i}: finite difference {numeric}, autograd {analytic[i]}");
            }
        }

        double Evaluate(int k, int i, double delta)
        {
            using var inner = NewDisposeScope();
            var xs = values.Select((v, j) => {
                var copy = (double[])v.Clone();
                if (j == k) copy[i] += delta;
                return tensor(copy, shapes[j], ScalarType.Float64);
            }).ToArray();
            using var guard = no_grad();
            return Objective(xs).item<double>();
        }
    }
}

/// <summary>
/// Tests that seed libtorch's global generator and compare against numbers for that seed: they run
/// alone, after the parallel tests, so no other test draws from the stream in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededRandomStream
{
    public const string Name = "seeded random stream";
}
