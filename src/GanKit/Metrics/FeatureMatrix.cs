using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>The checks every metric makes on its inputs, with messages that name the input and what is wrong.</summary>
internal static class FeatureMatrix
{
    /// <summary>
    /// <paramref name="features"/> as float64 [N, D] (a new tensor in the caller's dispose scope) after checking its shape,
    /// element type, row count and values.
    /// </summary>
    public static Tensor Checked(Tensor features, string name, long minRows, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(features, name);
        label ??= $"{name} features";
        if (features.Dimensions != 2)
            throw new ArgumentException($"{label} must be a 2-D tensor [N, D], one row per sample; got shape {Shape(features)}.", name);
        if (!is_floating_point(features.dtype))
            throw new ArgumentException($"{label} must be floating point (float64 preferred); got {features.dtype}.", name);
        if (features.shape[1] == 0)
            throw new ArgumentException($"{label} have no columns (shape {Shape(features)}).", name);
        if (features.shape[0] < minRows)
            throw new ArgumentException($"{label}: at least {minRows} samples are needed; got {features.shape[0]}.", name);
        var matrix = features.to_type(ScalarType.Float64);
        EnsureFinite(matrix, name, label);
        return matrix;
    }

    /// <summary>The real and fake matrices checked as <see cref="Checked"/> does, and of one feature dimension.</summary>
    public static (Tensor Real, Tensor Fake) CheckedPair(Tensor real, Tensor fake, long minRows)
    {
        var x = Checked(real, nameof(real), minRows);
        var y = Checked(fake, nameof(fake), minRows);
        SameWidth(x, nameof(real), y, nameof(fake));
        return (x, y);
    }

    /// <summary>Both sides must describe samples in the same feature space.</summary>
    public static void SameWidth(Tensor first, string firstName, Tensor second, string secondName)
    {
        if (first.shape[1] != second.shape[1])
            throw new ArgumentException(
                $"{firstName} and {secondName} features differ in dimension: {first.shape[1]} vs {second.shape[1]} " +
                "(both must come from the same feature extractor and layer).", secondName);
    }

    /// <summary>Throws naming the first row that holds NaN or ±∞ (max and min propagate NaN; +∞ shows in the max, −∞ in the min).</summary>
    private static void EnsureFinite(Tensor matrix, string name, string label)
    {
        using var scope = NewDisposeScope();
        var largest = matrix.max(1).values.cpu().data<double>().ToArray();
        var smallest = matrix.min(1).values.cpu().data<double>().ToArray();
        for (int row = 0; row < largest.Length; row++) {
            if (!double.IsFinite(largest[row]) || !double.IsFinite(smallest[row]))
                throw new ArgumentException($"{label}: row {row} holds NaN or an infinite value; metrics need finite numbers.", name);
        }
    }

    public static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
