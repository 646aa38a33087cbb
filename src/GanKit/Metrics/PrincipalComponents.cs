using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// The main directions of a feature cloud (principal component analysis through the covariance's eigenvectors,
/// float64), for drawing high-dimensional features on paper: notebook 05 shows real and generated features in
/// the two directions along which the real ones vary most. A drawing aid; no metric is computed in this space.
/// </summary>
public sealed class PrincipalComponents : IDisposable
{
    private PrincipalComponents(Tensor mean, Tensor components, double[] variances)
    {
        Mean = mean;
        Components = components;
        Variances = variances;
    }

    /// <summary>The mean of the features the directions were found in, [D].</summary>
    public Tensor Mean { get; }

    /// <summary>The directions, one unit vector per column, largest variance first, [D, count].</summary>
    public Tensor Components { get; }

    /// <summary>The variance of the fitted features along each direction.</summary>
    public IReadOnlyList<double> Variances { get; }

    /// <summary>The <paramref name="count"/> directions of largest variance of <paramref name="features"/> [N, D].</summary>
    public static PrincipalComponents Fit(Tensor features, int count = 2)
    {
        if (features.dim() != 2 || features.shape[0] < 2)
            throw new ArgumentException($"features must be a matrix [N, D] with N ≥ 2, got shape [{string.Join(", ", features.shape)}]", nameof(features));
        if (count < 1 || count > features.shape[1])
            throw new ArgumentOutOfRangeException(nameof(count), count, $"between 1 and the feature dimension {features.shape[1]}");
        using var scope = NewDisposeScope();
        var x = features.detach().cpu().to_type(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x - mean;
        var covariance = centred.t().matmul(centred) / (x.shape[0] - 1);
        var (values, vectors) = linalg.eigh(covariance);
        // eigh sorts ascending; the largest come last.
        var order = arange(x.shape[1] - 1, x.shape[1] - 1 - count, -1, dtype: ScalarType.Int64);
        var components = vectors.index_select(1, order);
        var variances = values.index_select(0, order).data<double>().ToArray();
        return new PrincipalComponents(mean.MoveToOuterDisposeScope(), components.MoveToOuterDisposeScope(), variances);
    }

    /// <summary>Coordinates of <paramref name="features"/> [N, D] along the directions, [N, count], float64.</summary>
    public Tensor Project(Tensor features)
    {
        if (features.dim() != 2 || features.shape[1] != Mean.shape[0])
            throw new ArgumentException($"features must be [N, {Mean.shape[0]}] like the fitted ones, got shape [{string.Join(", ", features.shape)}]", nameof(features));
        using var scope = NewDisposeScope();
        return (features.detach().cpu().to_type(ScalarType.Float64) - Mean).matmul(Components).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        Mean.Dispose();
        Components.Dispose();
    }
}
