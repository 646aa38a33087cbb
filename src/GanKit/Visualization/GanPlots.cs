using TorchSharp;
using static TorchSharp.torch;
using GanKit.Display.Charts;
using Plotly.NET;
using GanKit.Training;

namespace GanKit.Visualization;

/// <summary>
/// The charts the GAN notebooks draw, built from training records and tensors: losses per epoch,
/// real vs generated 2-D points, and d2l's two-row training figure. Used in notebooks 01 and 02.
/// </summary>
public static class GanPlots
{
    /// <summary>The colours every notebook uses for the same thing.</summary>
    public const string Blue = "#1f77b4", Orange = "#ff7f0e", Green = "#2ca02c", Red = "#d62728", Purple = "#9467bd", Magenta = "#c71585", Grey = "#7f7f7f";

    /// <summary>ln 2 ≈ 0.693: both BCE losses at the equilibrium where D says 0.5 to everything.</summary>
    public static readonly double Ln2 = Math.Log(2);

    /// <summary>
    /// loss_D and loss_G per epoch (d2l's top panel: D solid, G dashed magenta), with ln 2 marked.
    /// <paramref name="totalEpochs"/> fixes the x axis so a live plot does not rescale.
    /// </summary>
    public static PlotlyChart Losses(IReadOnlyList<EpochRecord> epochs, int? totalEpochs = null, string title = "Losses per epoch") =>
        PlotlyCharts.Single(LossesPanel(epochs, totalEpochs, title), 640, 360);

    private static ChartPanel LossesPanel(IReadOnlyList<EpochRecord> epochs, int? totalEpochs, string title)
    {
        var lastEpoch = Math.Max(2, totalEpochs ?? (epochs.Count == 0 ? 2 : epochs[^1].Epoch));
        var x = epochs.Select(e => (double)e.Epoch).ToArray();
        // Half an epoch of room at each end, so the curves do not start on the frame's corner.
        var xRange = (0.5, lastEpoch + 0.5);
        var traces = new List<Trace>
        {
            PlotlyCharts.Line(x, epochs.Select(e => e.LossD), "discriminator", Blue),
            PlotlyCharts.Line(x, epochs.Select(e => e.LossG), "generator", Magenta, dashed: true),
            PlotlyCharts.Line([xRange.Item1, xRange.Item2], [Ln2, Ln2], "ln 2 = 0.693", Grey, dashed: true),
        };
        if (epochs.Count == 1)
        {
            // One point draws no line: mark it.
            traces.Add(PlotlyCharts.Points(x, [epochs[0].LossD], color: Blue));
            traces.Add(PlotlyCharts.Points(x, [epochs[0].LossG], color: Magenta));
        }

        return new ChartPanel(title, "epoch", "loss (mean per example)", traces) { XRange = xRange, XTicks = EpochTicks(lastEpoch) };
    }

    /// <summary>Rows of an (N, 2) tensor as (x, y) arrays for plotting.</summary>
    public static (double[] X, double[] Y) Columns(Tensor points)
    {
        if (points.dim() != 2 || points.shape[1] != 2)
            throw new ArgumentException($"expected (N, 2) points, got [{string.Join(", ", points.shape)}]", nameof(points));
        float[] values;
        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            values = points.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        }

        var n = values.Length / 2;
        return (Enumerable.Range(0, n).Select(i => (double)values[2 * i]).ToArray(),
                Enumerable.Range(0, n).Select(i => (double)values[2 * i + 1]).ToArray());
    }

    /// <summary>A scatter of 2-D points, shape (N, 2).</summary>
    public static PlotlyChart Points(Tensor points, string name = "real", string title = "The real data", string? color = Blue)
    {
        var (x, y) = Columns(points);
        return PlotlyCharts.Single(new ChartPanel(title, "x₁", "x₂", [PlotlyCharts.Points(x, y, name, color)]), 640, 480);
    }

    /// <summary>
    /// d2l's bottom panel: real points (blue) and generated points (orange) on the same axes, half transparent so
    /// neither cloud hides the other. Fixed ranges (see <see cref="RangesAround"/>) keep the frame still while the
    /// generated cloud moves.
    /// </summary>
    public static PlotlyChart RealVsGenerated(Tensor real, Tensor? generated, string title = "Real vs generated",
        ((double Min, double Max) X, (double Min, double Max) Y)? ranges = null) =>
        PlotlyCharts.Single(RealVsGeneratedPanel(real, generated, title, ranges), 640, 480);

    private static ChartPanel RealVsGeneratedPanel(Tensor real, Tensor? generated, string title,
        ((double Min, double Max) X, (double Min, double Max) Y)? ranges)
    {
        var (rx, ry) = Columns(real);
        var traces = new List<Trace> { PlotlyCharts.Points(rx, ry, "real", Blue, opacity: 0.6) };
        if (generated is not null)
        {
            var (gx, gy) = Columns(generated);
            traces.Add(PlotlyCharts.Points(gx, gy, "generated", Orange, opacity: 0.6));
        }

        return new ChartPanel(title, "x₁", "x₂", traces) { XRange = ranges?.X, YRange = ranges?.Y };
    }

    /// <summary>Axis ranges covering <paramref name="points"/> (N, 2) with a margin of <paramref name="margin"/> times their spread.</summary>
    public static ((double Min, double Max) X, (double Min, double Max) Y) RangesAround(Tensor points, double margin = 0.1)
    {
        var (x, y) = Columns(points);
        static (double, double) Around(double[] v, double m)
        {
            var (lo, hi) = (v.Min(), v.Max());
            var pad = Math.Max(hi - lo, 1e-3) * m;
            return (Math.Floor(lo - pad), Math.Ceiling(hi + pad));
        }

        return (Around(x, margin), Around(y, margin));
    }

    // The first epoch and round ones up to the last, about five ticks: 1, 5, 10, 15, 20 for 20 epochs.
    internal static double[] EpochTicks(int lastEpoch)
    {
        var step = new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 }.FirstOrDefault(s => lastEpoch / s <= 5, lastEpoch);
        return new[] { 1.0 }.Concat(Enumerable.Range(1, lastEpoch / step).Select(k => (double)(k * step))).Distinct().ToArray();
    }

    /// <summary>The smallest ranges holding both: axes that grow to keep every point in view.</summary>
    public static ((double Min, double Max) X, (double Min, double Max) Y) Union(
        ((double Min, double Max) X, (double Min, double Max) Y) a, ((double Min, double Max) X, (double Min, double Max) Y) b) =>
        ((Math.Min(a.X.Min, b.X.Min), Math.Max(a.X.Max, b.X.Max)), (Math.Min(a.Y.Min, b.Y.Min), Math.Max(a.Y.Max, b.Y.Max)));

    /// <summary>d2l's training figure: losses per epoch on top, real vs generated points below.</summary>
    public static PlotlyChart TrainingFigure(IReadOnlyList<EpochRecord> epochs, Tensor real, Tensor? generated, int totalEpochs,
        ((double Min, double Max) X, (double Min, double Max) Y)? ranges = null, string? title = null) =>
        PlotlyCharts.Grid(1, title, 640, 340,
            [LossesPanel(epochs, totalEpochs, "Losses per epoch"), RealVsGeneratedPanel(real, generated, "Real vs generated", ranges)]);

    /// <summary>d2l's two-row figure at the end of a run: losses per epoch, real vs 100 generated points.</summary>
    public static PlotlyChart TrainingFigure(GaussianGanRun run)
    {
        using var generated = run.Trainer.Generate(100);
        return TrainingFigure(run.Result.History.Epochs, run.Real, generated, Math.Max(2, run.Result.History.Epochs.Count),
            Union(RangesAround(run.Real), RangesAround(generated)), run.Label);
    }

    /// <summary>
    /// The unit circle ‖z‖ = 1 in a <paramref name="dimensions"/>-dimensional latent space (first two coordinates,
    /// the rest 0), shape (points, dimensions): the 1-σ contour of z ~ N(0, I) in that plane.
    /// </summary>
    public static Tensor UnitCircle(int points = 100, long dimensions = 2)
    {
        if (dimensions < 2) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "a circle needs two latent dimensions");
        var values = new float[points * dimensions];
        for (var i = 0; i < points; i++)
        {
            var angle = 2 * Math.PI * i / (points - 1);
            values[i * dimensions] = (float)Math.Cos(angle);
            values[i * dimensions + 1] = (float)Math.Sin(angle);
        }

        return tensor(values, points, dimensions);
    }

    /// <summary>
    /// What an affine map does to a circle: the real points, the data map's image of the unit circle (the data's
    /// 1-σ ellipse) and the generator's image of it, as closed curves, with the images of the first axis
    /// direction marked (where (1, 0) goes), so a rotation between the two maps shows.
    /// </summary>
    public static PlotlyChart Ellipses(Tensor real, Tensor dataImage, Tensor generatorImage, string title = "Where the unit circle of the input goes")
    {
        var (rx, ry) = Columns(real);
        var (dx, dy) = Columns(dataImage);
        var (gx, gy) = Columns(generatorImage);
        var ranges = RangesAround(real, 0.05);
        return PlotlyCharts.Single(new ChartPanel(title, "x₁", "x₂",
            [
                PlotlyCharts.Points(rx, ry, "real data", "#9ecae1", size: 4),
                PlotlyCharts.Line(dx, dy, "data map x·A + b of the circle |x| = 1", Blue),
                PlotlyCharts.Line(gx, gy, "generator G(z) of the circle |z| = 1", Orange, dashed: true),
                PlotlyCharts.Points([dx[0]], [dy[0]], "where x = (1, 0) goes", Blue, size: 12),
                PlotlyCharts.Points([gx[0]], [gy[0]], "where z = (1, 0) goes", Orange, size: 12),
            ])
            { XRange = ranges.X, YRange = ranges.Y },
            900, 480);
    }
}
