using GanKit.Reproducibility;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>The Inception score: mean and population standard deviation (ddof 0, as <c>np.std</c>) of the per-split scores.</summary>
public sealed record InceptionScoreResult(double Mean, double Std, IReadOnlyList<double> PerSplit);

/// <summary>
/// Inception Score (Salimans et al. 2016) as torch-fidelity computes it (<c>metric_isc.py</c>): rows shuffled by
/// <c>RandomState(seed).permutation(N)</c> (<c>shuffleSeed: null</c> keeps their order), split k covering rows
/// ⌊kN/s⌋ … ⌊(k+1)N/s⌋ − 1, and per split exp(mean over rows of KL(p(y|x) ‖ p̄(y))) with p̄ the split's mean row,
/// all in float64. Used in notebook 05.
/// </summary>
public static class InceptionScore
{
    /// <summary>How far a row of probabilities may sum from 1 (float32 softmax outputs are well within it).</summary>
    public const double ProbabilitySumTolerance = 1e-4;

    /// <summary>From class probabilities [N, C] (rows non-negative, each summing to 1); 0·log 0 counts as 0.</summary>
    public static InceptionScoreResult FromProbabilities(Tensor probabilities, int splits = 10, int? shuffleSeed = 2020)
    {
        using var scope = NewDisposeScope();
        var p = FeatureMatrix.Checked(probabilities, nameof(probabilities), 1, "probabilities");
        CheckProbabilities(p);
        var logP = p.log();
        return Score(p, logP, splits, shuffleSeed);
    }

    /// <summary>From logits [N, C] (torch-fidelity's <c>logits_unbiased</c>): softmax and log-softmax in float64.</summary>
    public static InceptionScoreResult FromLogits(Tensor logits, int splits = 10, int? shuffleSeed = 2020)
    {
        using var scope = NewDisposeScope();
        var z = FeatureMatrix.Checked(logits, nameof(logits), 1, "logits");
        return Score(z.softmax(1), z.log_softmax(1), splits, shuffleSeed);
    }

    internal static void CheckProbabilities(Tensor p)
    {
        using var scope = NewDisposeScope();
        double smallest = p.min().item<double>();
        if (smallest < 0)
            throw new ArgumentException($"probabilities must be non-negative; the smallest entry is {smallest:G6}. Pass logits to FromLogits instead.", "probabilities");
        var sums = p.sum(1).cpu().data<double>().ToArray();
        for (int row = 0; row < sums.Length; row++) {
            if (Math.Abs(sums[row] - 1) > ProbabilitySumTolerance)
                throw new ArgumentException(
                    $"probabilities: row {row} sums to {sums[row]:G9}, not 1 (tolerance {ProbabilitySumTolerance:G1}); pass softmax outputs, or logits to FromLogits.",
                    "probabilities");
        }
    }

    /// <summary>The split scores of rows <paramref name="p"/> with logarithms <paramref name="logP"/> (log 0 = −∞ only where p = 0).</summary>
    internal static InceptionScoreResult Score(Tensor p, Tensor logP, int splits, int? shuffleSeed)
    {
        long n = p.shape[0];
        if (splits < 1 || splits > n)
            throw new ArgumentOutOfRangeException(nameof(splits), splits, $"splits must be between 1 and the number of samples ({n}).");
        if (shuffleSeed is int seed) {
            var order = tensor(new NumpyRandomState(seed).permutation(n), device: p.device);
            p = p.index_select(0, order);
            logP = logP.index_select(0, order);
        }
        var scores = new double[splits];
        for (int k = 0; k < splits; k++) {
            using var scope = NewDisposeScope();
            long start = k * n / splits, end = (k + 1) * n / splits;
            var chunk = p.narrow(0, start, end - start);
            var logChunk = logP.narrow(0, start, end - start);
            var logMean = chunk.mean([0], keepdim: true).log();
            // p·(log p − log p̄) with 0·log 0 = 0: where p = 0 the product is NaN (0·−∞) and is replaced by 0.
            var terms = chunk * (logChunk - logMean);
            terms = where(chunk > 0, terms, zeros_like(terms));
            scores[k] = Math.Exp(terms.sum(1).mean().item<double>());
        }
        double mean = scores.Average();
        double std = Math.Sqrt(scores.Select(s => (s - mean) * (s - mean)).Average());
        return new InceptionScoreResult(mean, std, scores);
    }
}
