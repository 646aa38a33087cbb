using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Improved precision and recall: <see cref="Precision"/> is the fraction of fake samples inside the real manifold,
/// <see cref="Recall"/> the fraction of real samples inside the fake manifold, <see cref="FScore"/> = 2PR / (P + R)
/// (0 when both are 0; torch-fidelity divides by max(1e-5, P + R), which differs only when P + R &lt; 1e-5).
/// </summary>
public sealed record PrecisionRecallResult(double Precision, double Recall, double FScore);

/// <summary>
/// What precision and recall count, point by point (<see cref="PrecisionRecall.Neighbourhoods"/>): each point's ball
/// radius (plain Euclidean distance to its k-th nearest neighbour in its own set) and whether each point lies in a
/// ball of the other set.
/// </summary>
public sealed record PrecisionRecallNeighbourhoods(IReadOnlyList<double> RealRadii, IReadOnlyList<double> FakeRadii,
    IReadOnlyList<bool> FakeInsideReal, IReadOnlyList<bool> RealInsideFake);

/// <summary>
/// Improved precision and recall (Kynkäänniemi et al. 2019) with the original code's definitions
/// (<c>precision_recall.py</c>): a feature set's manifold is the union of balls around its points, each ball's radius the
/// distance to the point's k-th nearest neighbour in the set (the point itself excluded); a sample is inside when its
/// distance to some point is at most that point's radius. Distances are squared Euclidean, ‖u‖² − 2u·v + ‖v‖² clamped
/// at 0, as the original computes them (comparing squares equals comparing torch-fidelity's plain distances). Distances
/// are computed a block of rows at a time (at most 2²⁴ of them at once), never as a full N × N matrix.
/// Used in notebook 05.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>The original's ε in the realism score's denominator.</summary>
    public const double RealismEpsilon = 1e-5;

    /// <summary>The percentile above which the realism score drops a real point's ball, as the original's realism experiment does (<c>clamp_to_percentile=50</c>).</summary>
    public const double RealismPrunePercentile = 50;

    /// <summary>The most distances held at once: 2²⁴, 128 MB of float64 (tests lower it to exercise the blocks).</summary>
    internal static long BlockElements { get; set; } = 1L << 24;

    /// <summary>Precision and recall of fake against real features [N, D], neighbourhood size <paramref name="k"/> (3 in the paper).</summary>
    public static PrecisionRecallResult Compute(Tensor real, Tensor fake, int k = 3)
    {
        using var scope = NewDisposeScope();
        var (x, y, realPoints, fakePoints) = Manifolds(real, fake, k);
        double precision = realPoints.Inside(y).to_type(ScalarType.Float64).mean().item<double>();
        double recall = fakePoints.Inside(x).to_type(ScalarType.Float64).mean().item<double>();
        double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PrecisionRecallResult(precision, recall, f);
    }

    /// <summary>
    /// The balls and memberships behind <see cref="Compute"/>, for drawing them (notebook 05 draws 2-D ones): precision
    /// is the share of true <see cref="PrecisionRecallNeighbourhoods.FakeInsideReal"/>, recall of
    /// <see cref="PrecisionRecallNeighbourhoods.RealInsideFake"/>.
    /// </summary>
    public static PrecisionRecallNeighbourhoods Neighbourhoods(Tensor real, Tensor fake, int k = 3)
    {
        using var scope = NewDisposeScope();
        var (x, y, realPoints, fakePoints) = Manifolds(real, fake, k);
        return new PrecisionRecallNeighbourhoods(
            realPoints.Radii.sqrt().data<double>().ToArray(), fakePoints.Radii.sqrt().data<double>().ToArray(),
            realPoints.Inside(y).data<bool>().ToArray(), fakePoints.Inside(x).data<bool>().ToArray());
    }

    /// <summary>Both sides checked and their manifolds, in the caller's dispose scope.</summary>
    private static (Tensor Real, Tensor Fake, Manifold RealPoints, Manifold FakePoints) Manifolds(Tensor real, Tensor fake, int k)
    {
        var (x, y) = FeatureMatrix.CheckedPair(real, fake, 1);
        CheckNeighbours(k, x, nameof(real));
        CheckNeighbours(k, y, nameof(fake));
        return (x, y, new Manifold(x, k), new Manifold(y, k));
    }

    /// <summary>
    /// The realism score of each sample [M] (float64): the maximum over real points of r²ⱼ / (‖sample − realⱼ‖² + 1e-5),
    /// where r²ⱼ is the squared distance from real point j to its k-th nearest real neighbour and the distances are
    /// squared Euclidean, as in the original's <c>ManifoldEstimator.evaluate</c>. As in the original's realism
    /// experiment, the balls with radii above the median are dropped first (their r² set to 0); a score above 1 means
    /// the sample lies inside some remaining ball.
    /// </summary>
    public static Tensor RealismScores(Tensor real, Tensor samples, int k = 3) => RealismScores(real, samples, k, RealismPrunePercentile);

    /// <summary>The realism score with the balls above the given percentile of radii dropped first (null: keep all balls).</summary>
    public static Tensor RealismScores(Tensor real, Tensor samples, int k, double? prunePercentile)
    {
        if (prunePercentile is double q && (q < 0 || q > 100 || double.IsNaN(q)))
            throw new ArgumentOutOfRangeException(nameof(prunePercentile), q, "The percentile must be between 0 and 100.");
        using var scope = NewDisposeScope();
        var x = FeatureMatrix.Checked(real, nameof(real), 1);
        var y = FeatureMatrix.Checked(samples, nameof(samples), 1, "samples");
        FeatureMatrix.SameWidth(x, nameof(real), y, nameof(samples));
        CheckNeighbours(k, x, nameof(real));
        var manifold = new Manifold(x, k);
        var radii = manifold.Radii;
        if (prunePercentile is double percentile) {
            double threshold = Percentile(radii.cpu().data<double>().ToArray(), percentile);
            radii = where(radii > threshold, zeros_like(radii), radii);
        }
        var scores = new List<Tensor>();
        foreach (var (start, length) in RowBlocks(y.shape[0], x.shape[0])) {
            using var block = NewDisposeScope();
            var distances = manifold.SquaredDistancesFrom(y.narrow(0, start, length));
            scores.Add((radii.unsqueeze(0) / (distances + RealismEpsilon)).max(1).values.MoveToOuterDisposeScope());
        }
        return cat(scores, 0).MoveToOuterDisposeScope();
    }

    private static void CheckNeighbours(int k, Tensor points, string name)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "The neighbourhood size k must be at least 1.");
        if (k >= points.shape[0])
            throw new ArgumentException(
                $"k = {k} nearest neighbours need more than k {name} samples (each point's own distance 0 is not a neighbour); got {points.shape[0]}.", nameof(k));
    }

    /// <summary>Row ranges of a rows × columns distance matrix holding at most <see cref="BlockElements"/> each.</summary>
    private static IEnumerable<(long Start, long Length)> RowBlocks(long rows, long columns)
    {
        long step = Math.Max(1, BlockElements / columns);
        for (long start = 0; start < rows; start += step) yield return (start, Math.Min(step, rows - start));
    }

    /// <summary>NumPy's default (linear) percentile of unsorted values.</summary>
    private static double Percentile(double[] values, double q)
    {
        Array.Sort(values);
        double position = q / 100 * (values.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, values.Length - 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }

    /// <summary>A point set with each point's squared k-th-neighbour radius; its tensors live in the caller's dispose scope.</summary>
    private sealed class Manifold
    {
        private readonly Tensor _points;
        private readonly Tensor _norms;

        public Manifold(Tensor points, int k)
        {
            _points = points;
            _norms = points.mul(points).sum(1);
            var radii = new List<Tensor>();
            foreach (var (start, length) in RowBlocks(points.shape[0], points.shape[0])) {
                using var block = NewDisposeScope();
                var distances = SquaredDistancesFrom(points.narrow(0, start, length));
                // Ascending k + 1 smallest: index 0 is the point itself, index k its k-th neighbour (np.partition's index k).
                var (nearest, _) = distances.topk(k + 1, dim: 1, largest: false, sorted: true);
                radii.Add(nearest.select(1, k).MoveToOuterDisposeScope());
            }
            Radii = cat(radii, 0);
        }

        /// <summary>Squared k-th-neighbour distances [N].</summary>
        public Tensor Radii { get; }

        /// <summary>Squared distances [b, N] from each row of <paramref name="samples"/> to every point, as the original: max(‖u‖² − 2u·v + ‖v‖², 0).</summary>
        public Tensor SquaredDistancesFrom(Tensor samples)
        {
            var sampleNorms = samples.mul(samples).sum(1, keepdim: true);
            return (sampleNorms - 2 * samples.mm(_points.t()) + _norms.unsqueeze(0)).clamp_min(0);
        }

        /// <summary>For each sample, whether some point's ball holds it (distance ≤ radius), a block of samples at a time.</summary>
        public Tensor Inside(Tensor samples)
        {
            var inside = new List<Tensor>();
            foreach (var (start, length) in RowBlocks(samples.shape[0], _points.shape[0])) {
                using var block = NewDisposeScope();
                var distances = SquaredDistancesFrom(samples.narrow(0, start, length));
                inside.Add((distances <= Radii.unsqueeze(0)).any(1).MoveToOuterDisposeScope());
            }
            return cat(inside, 0);
        }
    }
}
