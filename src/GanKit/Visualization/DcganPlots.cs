using GanKit.Display.Charts;
using GanKit.Display.Images;
using GanKit.Training.Dcgan;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Visualization;

/// <summary>
/// The figures of Jovian's DCGAN template (notebook 04): its two plots — losses, and real/fake scores — and the
/// sample grids of 64×64 images in [−1, 1].
/// </summary>
public static class DcganPlots
{
    /// <summary>How the template lays out samples: 8 per row, 2 black pixels apart, x·0.5 + 0.5 to [0, 1].</summary>
    public static GridOptions GridLayout { get; } = new() { Nrow = 8, Normalize = true, ValueRange = (-1f, 1f), Scale = 1 };

    /// <summary>Images in [−1, 1], (N, 3, H, W), as one grid (8 per row unless <paramref name="perRow"/>).</summary>
    public static ImageGrid Grid(Tensor images, int perRow = 8, string? caption = null) =>
        TensorImages.Grid(images, GridLayout with { Nrow = perRow }, caption);

    /// <summary>
    /// The template's "Losses" and "Scores" plots side by side, with every step drawn (x in epochs, a step at
    /// its fraction of the epoch), so the end of each epoch is the value the template records.
    /// <paramref name="totalEpochs"/> fixes the x axis, so a live figure grows to the right instead of rescaling.
    /// </summary>
    public static PlotlyChart Curves(DcganHistory history, int totalEpochs, long stepsPerEpoch, string? title = null)
    {
        var steps = history.Steps;
        var perEpoch = Math.Max(1, stepsPerEpoch);
        var x = steps.Select(s => (double)s.Step / perEpoch).ToArray();
        var xRange = (0.0, (double)Math.Max(1, totalEpochs));
        var ticks = GanPlots.EpochTicks(Math.Max(1, totalEpochs)).Prepend(0).ToArray();
        var losses = new ChartPanel("Losses", "epoch", "binary cross-entropy",
            [
                PlotlyCharts.Line(x, steps.Select(s => s.LossD), "discriminator (real + fake)", GanPlots.Blue),
                PlotlyCharts.Line(x, steps.Select(s => s.LossG), "generator", GanPlots.Magenta),
            ])
            { XRange = xRange, XTicks = ticks };
        var scores = new ChartPanel("Scores: mean D(x) and D(G(z))", "epoch", "mean probability of 'real'",
            [
                PlotlyCharts.Line(x, steps.Select(s => s.DReal), "real score D(x)", GanPlots.Green),
                PlotlyCharts.Line(x, steps.Select(s => s.DFake), "fake score D(G(z))", GanPlots.Red),
                PlotlyCharts.Line([xRange.Item1, xRange.Item2], [0.5, 0.5], "0.5: D cannot tell", GanPlots.Grey, dashed: true),
            ])
            { XRange = xRange, YRange = (0, 1.02), XTicks = ticks };
        return PlotlyCharts.Grid(2, title, 480, 340, [losses, scores]);
    }
}
