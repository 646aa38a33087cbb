namespace GanKit.Torch.Tests.Ops;

/// <summary>Assertions on tensor values, dtypes and shapes used across the Ops tests.</summary>
internal static class Expect
{
    /// <summary>The elements in row-major order as float64 (any real or bool dtype).</summary>
    public static double[] Values(Tensor t)
    {
        using var d = t.to_type(ScalarType.Float64);
        return d.data<double>().ToArray();
    }

    public static void Close(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        var got = Values(actual);
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
            if (!(Math.Abs(expected[i] - got[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i]))))
                Assert.Fail($"element {i}: expected {expected[i]}, got {got[i]} (all: [{string.Join(", ", got)}])");
    }

    public static void Exactly(double[] expected, Tensor actual) => Assert.Equal(expected, Values(actual));

    public static void Shape(long[] expected, Tensor actual) => Assert.Equal(expected, actual.shape);
}
