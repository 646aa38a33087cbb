using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Cli.Metrics;

/// <summary>
/// What to compute, checked against the features: the features themselves, k, the Inception Score's splits and
/// probabilities, KID's subsets (count, size, seed or given indices), and notes on the defaults it resolved.
/// <see cref="Report"/> turns the metrics' values into the <see cref="MetricsReport"/>.
/// </summary>
public sealed class MetricsPlan
{
    // Rows of probabilities must sum to 1 within this (float32 softmax output saved and read back passes easily).
    private const double ProbabilitySumTolerance = 1e-3;

    private readonly MetricsInputs _inputs;
    private readonly string? _probabilitiesSource;

    private MetricsPlan(MetricsInputs inputs, Tensor real, Tensor fake, Tensor? probabilities, string? probabilitiesSource,
        int kidSubsets, int kidSubsetSize, IReadOnlyList<string> notes, IReadOnlyList<string> warnings)
    {
        _inputs = inputs;
        _probabilitiesSource = probabilitiesSource;
        Real = real;
        Fake = fake;
        Probabilities = probabilities;
        KidSubsets = kidSubsets;
        KidSubsetSize = kidSubsetSize;
        Notes = notes;
        Warnings = warnings;
    }

    /// <summary>Real features, float64 [N_real, D].</summary>
    public Tensor Real { get; }

    /// <summary>Fake features, float64 [N_fake, D].</summary>
    public Tensor Fake { get; }

    /// <summary>Class probabilities [N, C] for the Inception Score; null: no Inception Score.</summary>
    public Tensor? Probabilities { get; }

    /// <summary>The neighbourhood size of precision and recall.</summary>
    public int K => _inputs.Request.K;

    /// <summary>The Inception Score's splits.</summary>
    public int Splits => _inputs.Request.Splits;

    public int KidSubsets { get; }

    public int KidSubsetSize { get; }

    /// <summary>The seed KID draws its subsets with (unused when <see cref="KidIndices"/> are given).</summary>
    public int KidSeed => _inputs.Request.KidSeed ?? MetricsRequest.DefaultKidSeed;

    /// <summary>KID's subsets from --kid-indices; null: drawn with <see cref="KidSeed"/>.</summary>
    public IReadOnlyList<(long[] Real, long[] Fake)>? KidIndices => _inputs.KidIndices;

    /// <summary>The defaults resolved from the data, and options that had no effect.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>What looks wrong but does not stop the computation.</summary>
    public IReadOnlyList<string> Warnings { get; }

    internal static MetricsPlan Check(MetricsInputs inputs, Tensor real, Tensor fake, Tensor? probabilities)
    {
        var request = inputs.Request;
        var (realRows, dimensions) = Shape(real, inputs.Real);
        var (fakeRows, fakeDimensions) = Shape(fake, inputs.Fake);
        if (dimensions != fakeDimensions)
            throw new MetricsInputException(
                $"The real features have {dimensions} dimensions but the fake features have {fakeDimensions}: both sides must come from the same feature extractor.");
        var fewest = Math.Min(realRows, fakeRows);
        if (request.K >= fewest)
            throw new MetricsInputException(
                $"--k {request.K} needs more than {request.K} samples on each side (each sample's k-th nearest neighbour among the others); the {Smaller(realRows, fakeRows)} features have {fewest}.");

        var notes = new List<string>();
        var warnings = new List<string>();
        int kidSubsets, kidSubsetSize;
        if (inputs.KidIndices is { } indices)
        {
            KidIndicesFile.CheckRange(Path.GetFullPath(request.KidIndices!), indices, realRows, fakeRows);
            (kidSubsets, kidSubsetSize) = (indices.Count, indices[0].Real.Length);
        }
        else
        {
            kidSubsets = request.KidSubsets ?? MetricsRequest.DefaultKidSubsets;
            if (request.KidSubsetSize is { } size)
            {
                if (size > fewest)
                    throw new MetricsInputException(
                        $"--kid-subset-size {size} is more than the {fewest} {Smaller(realRows, fakeRows)} samples; KID draws each subset without replacement, so at most {fewest}.");
                kidSubsetSize = size;
            }
            else
            {
                // clean-fid's rule: min(N_real, N_fake, 1000). torch-fidelity refuses instead; a subset size the user
                // did not choose should not stop a run on a small sample.
                kidSubsetSize = (int)Math.Min(fewest, MetricsRequest.DefaultKidSubsetSize);
                if (kidSubsetSize < MetricsRequest.DefaultKidSubsetSize)
                    notes.Add($"KID subset size {kidSubsetSize} = min(N_real, N_fake), as there are fewer than {MetricsRequest.DefaultKidSubsetSize} samples (--kid-subset-size sets it).");
            }
        }

        string? probabilitiesSource = null;
        if (probabilities is not null)
        {
            probabilitiesSource = request.Probabilities is { } file
                ? $"{Path.GetFullPath(file)}"
                : $"{inputs.Fake.Source} of {inputs.Fake.Path}";
            CheckProbabilities(probabilities, request.Splits, probabilitiesSource);
            if (probabilities.shape[0] != fakeRows)
                warnings.Add($"The probabilities have {probabilities.shape[0]} rows but the fake features {fakeRows}: the Inception Score is computed on the probabilities' rows.");
        }
        if (request.Features is { } unused && !inputs.Real.IsFolder && !inputs.Fake.IsFolder)
            notes.Add($"--features {unused.ToString().ToLowerInvariant()} has no effect: both inputs are feature matrices.");

        return new MetricsPlan(inputs, real, fake, probabilities, probabilitiesSource, kidSubsets, kidSubsetSize, notes, warnings);
    }

    /// <summary>
    /// The report of this plan with the metrics' values (the Inception Score's exactly when there are
    /// <see cref="Probabilities"/>) and the warnings the metrics gave (e.g. a regularised covariance).
    /// </summary>
    public MetricsReport Report(double fid, double kidMean, double kidStd, double precision, double recall, double fScore,
        double? inceptionScoreMean = null, double? inceptionScoreStd = null, IEnumerable<string>? warnings = null)
    {
        if ((Probabilities is null) != (inceptionScoreMean is null) || (inceptionScoreMean is null) != (inceptionScoreStd is null))
            throw new InvalidOperationException("The Inception Score (mean and std) is reported exactly when the plan has probabilities.");
        return new MetricsReport
        {
            Real = Side(_inputs.Real, Real),
            Fake = Side(_inputs.Fake, Fake),
            Fid = fid,
            Kid = new KidReport(kidMean, kidStd, KidSubsets, KidSubsetSize, KidIndices is null ? KidSeed : null,
                KidIndices is null ? null : Path.GetFullPath(_inputs.Request.KidIndices!)),
            PrecisionRecall = new PrecisionRecallReport(precision, recall, fScore, K),
            InceptionScore = Probabilities is null
                ? null
                : new InceptionScoreReport(inceptionScoreMean!.Value, inceptionScoreStd!.Value, Splits, _probabilitiesSource!, Probabilities.shape[0], Probabilities.shape[1]),
            Notes = Notes,
            Warnings = [.. Warnings, .. warnings ?? []],
        };
    }

    private static FeatureSide Side(FeatureInput input, Tensor features) => new(input.Path, input.Source, features.shape[0], features.shape[1]);

    private static (long Rows, long Dimensions) Shape(Tensor features, FeatureInput input)
    {
        if (features.ndim != 2)
            throw new MetricsInputException($"The {input.Side} features ({input.Path}) have shape [{string.Join(", ", features.shape)}]; features are 2-D [N, D].");
        var rows = features.shape[0];
        if (rows < 2)
            throw new MetricsInputException($"The {input.Side} features ({input.Path}) have {rows} row{(rows == 1 ? "" : "s")}; the metrics need at least 2 samples on each side.");
        return (rows, features.shape[1]);
    }

    private static string Smaller(long realRows, long fakeRows) => realRows <= fakeRows ? "real" : "fake";

    private static void CheckProbabilities(Tensor probabilities, int splits, string source)
    {
        if (probabilities.ndim != 2 || probabilities.shape[1] < 2)
            throw new MetricsInputException(
                $"The probabilities ({source}) have shape [{string.Join(", ", probabilities.shape)}]; they are [N, C], one row of C ≥ 2 class probabilities per fake sample.");
        if (splits > probabilities.shape[0])
            throw new MetricsInputException($"--splits {splits} needs at least {splits} rows of probabilities; {source} has {probabilities.shape[0]}.");
        using var scope = NewDisposeScope();
        var asDouble = probabilities.to_type(ScalarType.Float64);
        var smallest = asDouble.min().item<double>();
        var sums = asDouble.sum(1);
        var worst = (sums - 1.0).abs().argmax().item<long>();
        var worstSum = sums[worst].item<double>();
        if (smallest < 0 || Math.Abs(worstSum - 1) > ProbabilitySumTolerance)
        {
            var what = smallest < 0
                ? $"holds {smallest.ToString("G6", CultureInfo.InvariantCulture)}"
                : $"has a row (row {worst}) summing to {worstSum.ToString("G6", CultureInfo.InvariantCulture)}";
            throw new MetricsInputException(
                $"The probabilities ({source}) {what}; each row must be non-negative and sum to 1. Logits? Apply softmax first.");
        }
    }
}
