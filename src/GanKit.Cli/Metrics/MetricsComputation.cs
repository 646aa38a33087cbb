namespace GanKit.Cli.Metrics;

/// <summary>
/// The one place where <c>gankit metrics</c> calls GanKit's metrics: everything around it (options, files, checks, the
/// report's text and JSON, exit codes) is the command's.
/// </summary>
internal static class MetricsComputation
{
    /// <summary>
    /// Features for the folder inputs (<see cref="FeatureInput.IsFolder"/>) from <see cref="MetricsInputs.Extractor"/>
    /// (GanKit.Metrics.Features), probabilities from --probs or else from the fake folder's extractor; then
    /// <c>inputs.Plan(real, fake, probabilities)</c> checks them and says what to compute, and <c>plan.Report(…)</c>
    /// takes FID, KID, precision/recall and the Inception Score (GanKit.Metrics) computed with the plan's settings.
    /// </summary>
    public static MetricsReport Compute(MetricsInputs inputs) =>
        throw new NotImplementedException("wired by the lead to GanKit.Metrics");
}
