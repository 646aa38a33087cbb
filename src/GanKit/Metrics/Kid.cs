using GanKit.Reproducibility;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// How KID draws its subsets. The defaults are torch-fidelity's (100 subsets of 1,000, rng_seed 2020): each subset takes
/// <c>RandomState(Seed).choice(N_real, SubsetSize, replace=False)</c>, then the same for the fake side, from one
/// generator in that order. <see cref="Indices"/> replaces the draws with explicit rows (one pair per subset, all of
/// <see cref="SubsetSize"/>; <see cref="Subsets"/> and <see cref="Seed"/> are then unused).
/// </summary>
public sealed record KidOptions
{
    public int Subsets { get; init; } = 100;
    public int SubsetSize { get; init; } = 1000;
    public int Seed { get; init; } = 2020;
    public IReadOnlyList<(long[] Real, long[] Fake)>? Indices { get; init; }
}

/// <summary>KID: the mean and the population standard deviation (ddof 0, as <c>np.std</c>) of the per-subset MMD² estimates.</summary>
public sealed record KidResult(double Mean, double Std, IReadOnlyList<double> PerSubset);

/// <summary>
/// Kernel Inception Distance (Bińkowski et al. 2018) as torch-fidelity computes it (<c>metric_kid.py</c>, its default
/// <c>mmd_est="unbiased"</c>): the polynomial kernel k(x, y) = (xᵀy / d + 1)³ and per subset of m samples
/// MMD² = [Σ_{i≠j} k(xᵢ, xⱼ) + Σ_{i≠j} k(yᵢ, yⱼ)] / (m(m − 1)) − 2 Σ_{i,j} k(xᵢ, yⱼ) / m². With the same features and
/// seed the subsets, and so the values, are torch-fidelity's. Used in notebook 05.
/// </summary>
public static class Kid
{
    /// <summary>KID between real and fake features [N, D] (any floating type, computed in float64); defaults as torch-fidelity.</summary>
    public static KidResult Compute(Tensor real, Tensor fake, KidOptions? options = null)
    {
        options ??= new KidOptions();
        using var scope = NewDisposeScope();
        var (x, y) = FeatureMatrix.CheckedPair(real, fake, 2);
        var subsets = Subsets(options, x.shape[0], y.shape[0]);
        double d = x.shape[1];
        var estimates = new double[subsets.Count];
        for (int s = 0; s < subsets.Count; s++) {
            using var subsetScope = NewDisposeScope();
            var xs = x.index_select(0, tensor(subsets[s].Real, device: x.device));
            var ys = y.index_select(0, tensor(subsets[s].Fake, device: y.device));
            estimates[s] = UnbiasedMmd2(xs, ys, d);
        }
        double mean = estimates.Average();
        double std = Math.Sqrt(estimates.Select(e => (e - mean) * (e - mean)).Average());
        return new KidResult(mean, std, estimates);
    }

    /// <summary>The subsets' rows, drawn as torch-fidelity draws them or checked from <see cref="KidOptions.Indices"/>.</summary>
    private static IReadOnlyList<(long[] Real, long[] Fake)> Subsets(KidOptions options, long realCount, long fakeCount)
    {
        int m = options.SubsetSize;
        if (m < 2) throw new ArgumentOutOfRangeException(nameof(options), m, "KID's SubsetSize must be at least 2 (the unbiased estimate divides by m(m − 1)).");
        if (options.Indices is { } given) {
            if (given.Count == 0) throw new ArgumentException("KidOptions.Indices is empty: give at least one subset, or null to draw them.", nameof(options));
            for (int s = 0; s < given.Count; s++) {
                CheckRows(given[s].Real, $"KidOptions.Indices[{s}].Real", m, realCount, "real");
                CheckRows(given[s].Fake, $"KidOptions.Indices[{s}].Fake", m, fakeCount, "fake");
            }
            return given;
        }
        if (options.Subsets < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Subsets, "KID needs at least 1 subset.");
        if (realCount < m || fakeCount < m)
            throw new ArgumentException(
                $"KID subset size {m} is larger than the samples available (real: {realCount}, fake: {fakeCount}); " +
                "lower KidOptions.SubsetSize to at most the smaller count, as torch-fidelity requires too.", nameof(options));
        var random = new NumpyRandomState(options.Seed);
        var drawn = new (long[] Real, long[] Fake)[options.Subsets];
        for (int s = 0; s < drawn.Length; s++) {
            var realRows = random.choice(realCount, m);
            drawn[s] = (realRows, random.choice(fakeCount, m));
        }
        return drawn;
    }

    private static void CheckRows(long[]? rows, string name, int m, long count, string side)
    {
        if (rows is null) throw new ArgumentException($"{name} is null.", "options");
        if (rows.Length != m)
            throw new ArgumentException($"{name} holds {rows.Length} rows; every subset must hold SubsetSize = {m}.", "options");
        var seen = new HashSet<long>();
        foreach (long row in rows) {
            if (row < 0 || row >= count)
                throw new ArgumentException($"{name}: row {row} is outside the {count} {side} samples.", "options");
            if (!seen.Add(row))
                throw new ArgumentException($"{name}: row {row} appears twice; a subset is drawn without replacement.", "options");
        }
    }

    /// <summary>
    /// torch-fidelity's <c>mmd2(..., mmd_est="unbiased")</c> of the cubic polynomial kernel, gamma 1/d, coef0 1. The
    /// kernel (γ·xᵀy + 1)³ is summed as γ³·Σ(xᵀy + d)³: the same number to round-off, one pass fewer over each matrix.
    /// </summary>
    private static double UnbiasedMmd2(Tensor x, Tensor y, double d)
    {
        double m = x.shape[0];
        double gammaCubed = Math.Pow(1.0 / d, 3);
        double within = OffDiagonalKernelSum(x, d) + OffDiagonalKernelSum(y, d);
        double cross = Kernel(x, y, d).sum().item<double>();
        return gammaCubed * (within / (m * (m - 1)) - 2 * cross / (m * m));
    }

    /// <summary>
    /// Σ_{i≠j} (aᵢᵀaⱼ + d)³. The kernel matrix is symmetric, so only its row blocks on and above the diagonal are computed
    /// (the blocks above count twice), as NumPy's syrk saves the other half in torch-fidelity's <c>X @ X.T</c>.
    /// </summary>
    private static double OffDiagonalKernelSum(Tensor a, double d)
    {
        var blocks = Matrices.SymmetricBlocks(a.shape[0]);
        double sum = 0;
        for (int i = 0; i < blocks.Length; i++) {
            var rows = a.narrow(0, blocks[i].Start, blocks[i].Length);
            for (int j = i; j < blocks.Length; j++) {
                using var scope = NewDisposeScope();
                var kernel = Kernel(rows, a.narrow(0, blocks[j].Start, blocks[j].Length), d);
                sum += j == i ? kernel.sum().item<double>() - Matrices.Trace(kernel) : 2 * kernel.sum().item<double>();
            }
        }
        return sum;
    }

    /// <summary>(a·bᵀ + d)³ = (a·bᵀ/d + 1)³ · d³, in place on the fresh product.</summary>
    private static Tensor Kernel(Tensor a, Tensor b, double d) => a.mm(b.t()).add_(d).pow_(3);
}
