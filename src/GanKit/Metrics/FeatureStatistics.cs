using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Sample count, mean and unbiased covariance (divisor N − 1, as <c>np.cov</c>) of a feature set, in float64: the
/// Gaussian that FID compares. Built at once (<see cref="Of"/>) or streamed batch by batch (<see cref="Add"/>), as
/// torchmetrics accumulates float64 sums; batches are merged with Chan et al.'s pairwise update of the mean and the
/// centred scatter matrix, so the result does not depend on the batch size (to round-off) and keeps its precision
/// when the features' mean is large next to their spread. Used in notebook 05.
/// </summary>
public sealed class FeatureStatistics : IDisposable
{
    private readonly Tensor _mean;
    private readonly Tensor _scatter;
    private Tensor? _covariance;
    private bool _covarianceStale = true;

    /// <summary>Empty statistics of <paramref name="dim"/>-dimensional features, on the CPU; fill them with <see cref="Add"/>.</summary>
    public FeatureStatistics(long dim)
    {
        if (dim <= 0) throw new ArgumentOutOfRangeException(nameof(dim), dim, "The feature dimension must be positive.");
        Dim = dim;
        _mean = zeros(dim, ScalarType.Float64).DetachFromDisposeScope();
        _scatter = zeros(dim, dim, ScalarType.Float64).DetachFromDisposeScope();
    }

    /// <summary>The statistics of all rows of <paramref name="features"/> [N, D].</summary>
    public static FeatureStatistics Of(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Dimensions != 2)
            throw new ArgumentException($"features must be a 2-D tensor [N, D], one row per sample; got shape {FeatureMatrix.Shape(features)}.", nameof(features));
        var statistics = new FeatureStatistics(features.shape[1]);
        try {
            statistics.Add(features);
        } catch {
            statistics.Dispose();
            throw;
        }
        return statistics;
    }

    /// <summary>Feature dimension D.</summary>
    public long Dim { get; }

    /// <summary>Samples added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Mean [D], float64 on the CPU; owned by these statistics (kept up to date in place, disposed with them).</summary>
    public Tensor Mean => _mean;

    /// <summary>
    /// Unbiased covariance [D, D] = Σ (x − μ)(x − μ)ᵀ / (N − 1), float64 on the CPU; owned by these statistics
    /// (refreshed in place after <see cref="Add"/>, disposed with them). Needs at least 2 samples.
    /// </summary>
    public Tensor Covariance
    {
        get {
            if (Count < 2)
                throw new InvalidOperationException($"A covariance needs at least 2 samples; these statistics hold {Count}.");
            _covariance ??= empty_like(_scatter).DetachFromDisposeScope();
            if (_covarianceStale) {
                _covariance.copy_(_scatter).div_(Count - 1);
                _covarianceStale = false;
            }
            return _covariance;
        }
    }

    /// <summary>Adds the rows of <paramref name="batch"/> [n, D] (any floating type, any device; summed in float64).</summary>
    public void Add(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        var x = FeatureMatrix.Checked(batch, nameof(batch), 1);
        if (x.shape[1] != Dim)
            throw new ArgumentException($"batch has {x.shape[1]} features per row; these statistics hold {Dim}-dimensional features.", nameof(batch));
        AddRows(x);
    }

    /// <summary>The statistics of a matrix the caller has checked already (<see cref="FeatureMatrix.Checked"/>).</summary>
    internal static FeatureStatistics OfChecked(Tensor matrix)
    {
        var statistics = new FeatureStatistics(matrix.shape[1]);
        try {
            using var scope = NewDisposeScope();
            statistics.AddRows(matrix);
        } catch {
            statistics.Dispose();
            throw;
        }
        return statistics;
    }

    private void AddRows(Tensor x)
    {
        long n = x.shape[0];
        var batchMean = x.mean([0]);
        var centred = x - batchMean;
        var batchScatter = Matrices.Gram(centred).cpu();
        batchMean = batchMean.cpu();
        if (Count == 0) {
            _mean.copy_(batchMean);
            _scatter.copy_(batchScatter);
        } else {
            // Chan, Golub & LeVeque: merging two centred sums needs only the difference of the means.
            long total = Count + n;
            var delta = batchMean - _mean;
            _mean.add_(delta, n / (double)total);
            _scatter.add_(batchScatter).add_(delta.unsqueeze(1) * delta.unsqueeze(0), Count * (double)n / total);
        }
        Count += n;
        _covarianceStale = true;
    }

    public void Dispose()
    {
        _mean.Dispose();
        _scatter.Dispose();
        _covariance?.Dispose();
    }
}
