using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// A Fréchet distance: <see cref="Value"/> = <see cref="MeanTerm"/> ‖μ₁ − μ₂‖² + <see cref="TraceTerm"/>
/// Tr(Σ₁) + Tr(Σ₂) − 2·Tr((Σ₁Σ₂)^½). <see cref="Regularized"/>: ε = 1e-6 was added to both covariances' diagonals
/// (TTUR's retry); <see cref="Warnings"/> says why, and warns of rank-deficient covariances (N ≤ D).
/// </summary>
public sealed record FidResult(double Value, double MeanTerm, double TraceTerm, bool Regularized, IReadOnlyList<string> Warnings);

/// <summary>
/// Fréchet Inception Distance (Heusel et al. 2017) between the Gaussians of two feature sets, with the rules of TTUR's
/// <c>fid.py</c> and pytorch-fid's <c>calculate_frechet_distance</c>: mean and unbiased covariance (<c>np.cov</c>), at
/// least 2 samples per side, and ε = 1e-6 added to both diagonals with a warning when the matrix square root is not
/// finite. Used in notebook 05.
/// <para>
/// Tr((Σ₁Σ₂)^½) is computed as Σᵢ √λᵢ over the eigenvalues of the symmetric positive semi-definite Fᵀ Σ₂ F, where
/// Σ₁ = F Fᵀ (Cholesky, or <c>linalg.eigh</c> when Σ₁ is singular), which has the eigenvalues of Σ₁Σ₂, rather than
/// with scipy's <c>sqrtm</c> of the non-symmetric product: the same number in exact arithmetic, faster, and real by
/// construction. Round-off can leave eigenvalues slightly below zero; where <c>sqrtm</c> would turn those into
/// imaginary parts, √λ of a negative λ is the imaginary number i√|λ|. As pytorch-fid raises when an imaginary part
/// exceeds 1e-3 and otherwise keeps the real part, this raises when some √|λ| of a negative λ exceeds 1e-3 (λ below
/// −1e-6) and otherwise counts such eigenvalues as 0, their real part (torch-fidelity's Σ Re √eig rule).
/// </para>
/// </summary>
public static class Fid
{
    /// <summary>What TTUR and pytorch-fid add to both covariance diagonals when the square root is not finite.</summary>
    public const double RegularizationEpsilon = 1e-6;

    /// <summary>pytorch-fid's tolerance for imaginary parts of the square root (atol of its <c>np.allclose</c>).</summary>
    public const double ImaginaryTolerance = 1e-3;

    /// <summary>FID between real and fake features [N, D] (rows are samples; any floating type, computed in float64).</summary>
    public static FidResult Compute(Tensor real, Tensor fake)
    {
        using var scope = NewDisposeScope();
        var (x, y) = FeatureMatrix.CheckedPair(real, fake, 2);
        using var realStatistics = FeatureStatistics.OfChecked(x);
        using var fakeStatistics = FeatureStatistics.OfChecked(y);
        return Compute(realStatistics, fakeStatistics);
    }

    /// <summary>FID between two sets of statistics (each from at least 2 samples).</summary>
    public static FidResult Compute(FeatureStatistics real, FeatureStatistics fake)
    {
        CheckStatistics(real, fake);
        using var root = new CovarianceRoot(real.Covariance);
        return Compute(real, root, fake);
    }

    private static void CheckStatistics(FeatureStatistics real, FeatureStatistics fake)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        if (real.Count < 2)
            throw new ArgumentException($"FID needs at least 2 real samples for a covariance; got {real.Count}.", nameof(real));
        if (fake.Count < 2)
            throw new ArgumentException($"FID needs at least 2 fake samples for a covariance; got {fake.Count}.", nameof(fake));
        if (real.Dim != fake.Dim)
            throw new ArgumentException(
                $"real and fake features differ in dimension: {real.Dim} vs {fake.Dim} (both must come from the same feature extractor and layer).", nameof(fake));
    }

    /// <summary>FID against real statistics whose covariance is already decomposed (FID∞ reuses it for every N).</summary>
    internal static FidResult Compute(FeatureStatistics real, CovarianceRoot realRoot, FeatureStatistics fake)
    {
        var warnings = new List<string>();
        foreach (var (side, statistics) in new[] { ("real", real), ("fake", fake) }) {
            if (statistics.Count <= statistics.Dim)
                warnings.Add($"{side}: {statistics.Count} samples of {statistics.Dim} features (N ≤ D): the covariance is rank-deficient, " +
                             "so FID is biased and unstable; TTUR asks for N > D and recommends at least 10,000 samples.");
        }
        using var scope = NewDisposeScope();
        var delta = real.Mean - fake.Mean;
        double meanTerm = delta.dot(delta).item<double>();
        double realTrace = Matrices.Trace(real.Covariance), fakeTrace = Matrices.Trace(fake.Covariance);
        double traces = realTrace + fakeTrace;
        // Fᵀ Σ₂ F has entries up to about Tr Σ₁ · Tr Σ₂: that product must be a float64 too.
        if (!double.IsFinite(meanTerm) || !double.IsFinite(realTrace * fakeTrace))
            throw new ArithmeticException(
                $"FID is not finite: the features are too large for float64 products of their covariances (mean term {meanTerm:G6}, " +
                $"Tr Σ₁ {realTrace:G6}, Tr Σ₂ {fakeTrace:G6}); rescale the features.");
        var sqrtTrace = realRoot.TraceOfSqrtProduct(fake.Covariance);
        bool regularized = false;
        if (!double.IsFinite(sqrtTrace.Value)) {
            // TTUR's rule for a non-finite sqrtm. The symmetric route stays finite on singular products; what takes its
            // place is LAPACK failing to converge (CovarianceRoot reports that as NaN), which ε on the diagonals can cure.
            warnings.Add($"fid calculation produces singular product; adding {RegularizationEpsilon} to diagonal of cov estimates");
            var offset = eye(real.Dim, dtype: ScalarType.Float64) * RegularizationEpsilon;
            using var regularizedRoot = new CovarianceRoot(real.Covariance + offset);
            sqrtTrace = regularizedRoot.TraceOfSqrtProduct(fake.Covariance + offset);
            regularized = true;
            if (!double.IsFinite(sqrtTrace.Value))
                throw new ArithmeticException(
                    $"FID is not finite: LAPACK could not compute the eigenvalues of Σ₁Σ₂, even with {RegularizationEpsilon} added to both diagonals.");
        }
        if (sqrtTrace.LargestImaginary > ImaginaryTolerance)
            throw new ArithmeticException(
                $"Imaginary component {sqrtTrace.LargestImaginary:G6}: Fᵀ Σ₂ F (Σ₁ = F Fᵀ) has an eigenvalue of {-sqrtTrace.LargestImaginary * sqrtTrace.LargestImaginary:G6}, " +
                $"below −{ImaginaryTolerance * ImaginaryTolerance:G1}, far more than round-off (pytorch-fid raises here too); the covariances are not positive semi-definite.");
        double traceTerm = traces - 2 * sqrtTrace.Value;
        double value = meanTerm + traceTerm;
        return new FidResult(value, meanTerm, traceTerm, regularized, warnings);
    }
}

/// <summary>
/// A factor F of Σ₁ = F·Fᵀ, so that Fᵀ Σ₂ F is symmetric positive semi-definite with the eigenvalues of Σ₁Σ₂ (the two
/// are similar), one <c>eigvalsh</c> after two matrix products. F is the Cholesky factor L when Σ₁ is positive definite
/// (N > D, the usual case; a fraction of the cost of an eigendecomposition), else V·diag(√w) from <c>linalg.eigh</c>,
/// Σ₁ = V diag(w) Vᵀ, with round-off below zero in w counted as 0 (a rank-deficient covariance, N ≤ D).
/// </summary>
internal sealed class CovarianceRoot : IDisposable
{
    private readonly Tensor? _factor;
    private readonly bool _triangular;

    /// <summary>Factors Σ₁; when LAPACK does not converge the root is left empty and every trace is NaN (Fid then retries with ε).</summary>
    public CovarianceRoot(Tensor covariance)
    {
        using var scope = NewDisposeScope();
        var (lower, info) = linalg.cholesky_ex(covariance);
        if (info.item<int>() == 0) {
            _factor = lower.DetachFromDisposeScope();
            _triangular = true;
            return;
        }
        try {
            var (values, vectors) = linalg.eigh(covariance);
            _factor = (vectors * values.clamp_min(0).sqrt().unsqueeze(0)).DetachFromDisposeScope();
        } catch (ExternalException) {
            // linalg.eigh: "the algorithm failed to converge" (libtorch's error), the analogue of sqrtm's non-finite result.
        }
    }

    /// <summary>
    /// Σ √λ over the non-negative eigenvalues of Fᵀ Σ₂ F, and the largest √|λ| over its negative ones (0 if none);
    /// NaN when LAPACK does not converge.
    /// </summary>
    public (double Value, double LargestImaginary) TraceOfSqrtProduct(Tensor otherCovariance)
    {
        if (_factor is null) return (double.NaN, double.NaN);
        using var scope = NewDisposeScope();
        var rotated = _triangular ? Matrices.TimesLowerTriangular(otherCovariance, _factor) : otherCovariance.mm(_factor);
        var product = Matrices.SymmetricProduct(_factor, rotated, leftIsLowerTriangular: _triangular);
        Tensor eigenvalues;
        try {
            eigenvalues = linalg.eigvalsh(product);
        } catch (ExternalException) {
            return (double.NaN, double.NaN);
        }
        double value = eigenvalues.clamp_min(0).sqrt().sum().item<double>();
        double mostNegative = eigenvalues.min().item<double>();
        return (value, mostNegative < 0 ? Math.Sqrt(-mostNegative) : 0);
    }

    public void Dispose() => _factor?.Dispose();
}
