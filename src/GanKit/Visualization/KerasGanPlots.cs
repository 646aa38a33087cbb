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
    public static Figure Curves(IReadOnlyList<KerasGanStep> steps, long totalSteps, string? title = null)
    {
        var x = steps.Select(s => (double)s.Step).ToArray();
        var xRange = (0.0, (double)Math.Max(1, totalSteps));
        var losses = new Chart("Loss", "step", "binary cross-entropy") { XRange = xRange, YRange = (0, 5) }
            .Line(x, steps.Select(s => s.LossA), "adversarial (G fools D?)", color: GanPlots.Blue)
            .Line(x, steps.Select(s => s.LossD), "discriminator", color: GanPlots.Orange);
        // Above 1 so the legend sits clear of the curves.
        var accuracies = new Chart("Accuracy", "step", "fraction judged right") { XRange = xRange, YRange = (0, 1.3) }
            .Line(x, steps.Select(s => s.AccuracyA), "adversarial", color: GanPlots.Blue)
            .Line(x, steps.Select(s => s.AccuracyD), "discriminator", color: GanPlots.Orange)
            .Line([0, xRange.Item2], [0.5, 0.5], "chance (0.5)", dashed: true, color: GanPlots.Grey);
        return new Figure(2, [losses, accuracies], title);
    }
}
