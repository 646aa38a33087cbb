using GanKit.Display.Charts;
using GanKit.Training.Keras;

namespace GanKit.Visualization;

/// <summary>
/// The figures of Bulten's Keras MNIST GAN (notebook 03): his two panels, losses on the left with y from 0 to 5,
/// accuracies on the right, each for the discriminator (D on [real; fake]) and the adversarial model (G through
/// the frozen D, judged against the label "real").
/// </summary>
public static class KerasGanPlots
{
    /// <summary>
    /// Losses and accuracies over the logged steps. <paramref name="totalSteps"/> fixes the x axis, so a live
    /// figure grows to the right instead of rescaling.
    /// </summary>
    public static PlotlyChart Curves(IReadOnlyList<KerasGanStep> steps, long totalSteps, string? title = null)
    {
        var x = steps.Select(s => (double)s.Step).ToArray();
        var xRange = (0.0, (double)Math.Max(1, totalSteps));
        var losses = new ChartPanel("Loss", "step", "binary cross-entropy",
            [
                PlotlyCharts.Line(x, steps.Select(s => s.LossA), "adversarial (G fools D?)", GanPlots.Blue),
                PlotlyCharts.Line(x, steps.Select(s => s.LossD), "discriminator", GanPlots.Orange),
            ])
            { XRange = xRange, YRange = (0, 5) };
        // The legend sits beside the panels, so the accuracy axis ends at 1; each network keeps one name (and one
        // legend entry, which toggles its loss and accuracy together).
        var accuracies = new ChartPanel("Accuracy", "step", "fraction judged right",
            [
                PlotlyCharts.Line(x, steps.Select(s => s.AccuracyA), "adversarial (G fools D?)", GanPlots.Blue),
                PlotlyCharts.Line(x, steps.Select(s => s.AccuracyD), "discriminator", GanPlots.Orange),
                PlotlyCharts.Line([0, xRange.Item2], [0.5, 0.5], "chance (0.5)", GanPlots.Grey, dashed: true),
            ])
            { XRange = xRange, YRange = (0, 1.02) };
        return PlotlyCharts.Grid(2, title, 480, 340, [losses, accuracies]);
    }
}
