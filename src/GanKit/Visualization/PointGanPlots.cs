using System.Globalization;
using GanKit.Display.Charts;
using GanKit.Display.Tables;
using GanKit.Models;
using GanKit.Training.PointGan;

namespace GanKit.Visualization;

/// <summary>
/// PointGAN's pictures: G (blue) and D (orange) as functions on one axis, their evolution over training,
/// w and b across seeds as mean ± std bands, and the summary of the experiments. Used in notebook 02.
/// </summary>
public static class PointGanPlots
{
    /// <summary>The value axis every PointGAN plot shares: G's inputs lie in [−1, 1], the real value is 1.</summary>
    public static readonly (double Min, double Max) ValueRange = (-2, 3);

    /// <summary>The vertical range: D's probabilities lie in [0, 1]; G's line is clipped outside.</summary>
    public static readonly (double Min, double Max) OutputRange = (-1, 2);

    /// <summary>
    /// One pair as functions on a shared axis: G(x) = w·x + b over its inputs x ∈ [−1, 1] (blue), D(y) over
    /// the whole range (orange), the real value 1 (green, dashed) and where G's outputs land (blue dots at 0).
    /// </summary>
    public static Chart Functions(PointGanParameters p, string? title = null)
    {
        // Values rounded to 4 decimals and D sampled every 0.05: plenty for the eye, and animations of many
        // frames stay small in the notebook file.
        var outputs = Enumerable.Range(0, 21).Select(i => Round(p.Generate(-1 + i / 10.0))).ToArray();
        var ys = Enumerable.Range(0, 101).Select(i => Math.Round(ValueRange.Min + i * (ValueRange.Max - ValueRange.Min) / 100, 2)).ToArray();
        return new Chart(title ?? Invariant($"w = {p.W:F2}, b = {p.B:F2}"), "x (G's input) / y (D's input)", "G(x) or D(y)")
            {
                XRange = ValueRange,
                YRange = OutputRange,
            }
            .Line([-1, 1], [Round(p.Generate(-1)), Round(p.Generate(1))], "G(x) = w·x + b", color: GanPlots.Blue)
            .Line(ys, ys.Select(y => Round(p.Discriminate(y))), "D(y) = P(real)", color: GanPlots.Orange)
            .Line([1, 1], [OutputRange.Min, OutputRange.Max], "real value 1", dashed: true, color: GanPlots.Green)
            .Scatter(outputs, outputs.Select(_ => 0.0), "G's outputs", markerSize: 3, color: GanPlots.Blue);
    }

    private static double Round(double value) => Math.Round(value, 4);

    /// <summary>Record indices spread evenly over a run, first and last included.</summary>
    public static int[] FrameRecords(PointGanResult result, int frames)
    {
        var last = result.RecordedSteps.Count - 1;
        frames = Math.Clamp(frames, 1, last + 1);
        return frames == 1 ? [last] : Enumerable.Range(0, frames).Select(i => (int)Math.Round(i * (double)last / (frames - 1))).Distinct().ToArray();
    }

    /// <summary>G and D of one seed over training, one frame per recorded step picked (slider and play button in Plotly).</summary>
    public static Animation Animate(PointGanResult result, int seedIndex, string title, int frames = 40)
    {
        var animation = new Animation(title);
        foreach (var record in FrameRecords(result, frames))
        {
            var p = result.At(record, seedIndex);
            animation.Add(Invariant($"step {result.RecordedSteps[record]}"), Functions(p, Invariant($"{title}: step {result.RecordedSteps[record]}")));
        }

        return animation;
    }

    /// <summary>
    /// Two runs side by side, frame by frame down the rows (a static filmstrip of the animations, readable anywhere):
    /// column 1 is <paramref name="left"/>'s seed, column 2 <paramref name="right"/>'s.
    /// </summary>
    public static Figure SideBySide((PointGanResult Result, int Seed, string Label) left, (PointGanResult Result, int Seed, string Label) right, int frames = 4)
    {
        var panels = new List<Chart>();
        var leftRecords = FrameRecords(left.Result, frames);
        var rightRecords = FrameRecords(right.Result, frames);
        for (var i = 0; i < Math.Min(leftRecords.Length, rightRecords.Length); i++)
        {
            foreach (var (run, record) in new[] { (left, leftRecords[i]), (right, rightRecords[i]) })
            {
                var p = run.Result.At(record, run.Seed);
                panels.Add(Functions(p, Invariant($"{run.Label}, step {run.Result.RecordedSteps[record]}: w = {p.W:F2}, b = {p.B:F2}")));
            }
        }

        return new Figure(2, panels, Invariant($"{left.Label} (left) vs {right.Label} (right): G blue, D orange"))
        {
            PanelWidth = 520,
            PanelHeight = 300,
        };
    }

    /// <summary>w and b over training: mean across seeds (lines) and mean ± std (bands), with the targets 0 and 1 dashed.</summary>
    public static Chart ParameterBands(PointGanResult result, string? title = null)
    {
        var steps = result.RecordedSteps.Select(s => (double)s).ToArray();
        var (wMean, wStd) = result.AcrossSeeds(p => p.W);
        var (bMean, bStd) = result.AcrossSeeds(p => p.B);
        var end = steps[^1];
        var low = Math.Min(-0.1, Minus(wMean, wStd).Concat(Minus(bMean, bStd)).Min());
        var high = Math.Max(1.1, Plus(wMean, wStd).Concat(Plus(bMean, bStd)).Max());
        return new Chart(title ?? Invariant($"Generator's w and b over training, {result.Seeds.Count} seeds (mean ± std)"), "training step", "parameter value")
            .Band(steps, Minus(wMean, wStd), Plus(wMean, wStd), "w: mean ± std", color: GanPlots.Blue)
            .Band(steps, Minus(bMean, bStd), Plus(bMean, bStd), "b: mean ± std", color: GanPlots.Orange)
            .Line(steps, wMean, "w (mean)", color: GanPlots.Blue)
            .Line(steps, bMean, "b (mean)", color: GanPlots.Orange)
            .Line([0, end], [0, 0], "target w = 0", dashed: true, color: GanPlots.Blue)
            .Line([0, end], [1, 1], "target b = 1", dashed: true, color: GanPlots.Orange)
            .WithRanges(null, (low, high + 0.6 * (high - low))); // headroom for the legend
    }

    /// <summary>One row per experiment: success rate, final w and b (mean and std across seeds), time per run.</summary>
    public static Table Summary(IEnumerable<(string Name, PointGanResult Result)> experiments, string? title = null)
    {
        var table = new Table("experiment", "seeds", "success rate", "final w: mean", "final w: std", "final b: mean", "final b: std", "time per run (ms)")
        {
            Title = title ?? "PointGAN experiments: success means |w| < 0.1 and |b − 1| < 0.1 at the end",
            NumberFormat = "F3",
        };
        foreach (var (name, result) in experiments)
        {
            var finals = Enumerable.Range(0, result.Seeds.Count).Select(result.Final).ToArray();
            var (wMean, wStd) = MeanStd(finals.Select(p => p.W));
            var (bMean, bStd) = MeanStd(finals.Select(p => p.B));
            table.AddRow(name, result.Seeds.Count, Invariant($"{result.SuccessRate:P0}"), wMean, wStd, bMean, bStd, Invariant($"{result.SecondsPerRun * 1000:F0}"));
        }

        return table;
    }

    /// <summary>
    /// The experiments as bars of success rate (one colour per experiment, named in the legend), each with a
    /// 95% Wilson interval as a thin line, so a difference can be judged against the noise of 50 seeds.
    /// </summary>
    public static Figure SummaryChart(IReadOnlyList<(string Name, PointGanResult Result)> experiments, string? title = null)
    {
        var chart = new Chart(title ?? "Success rate per experiment (bars) with 95% interval (black)", "experiment number (named in the legend)", "runs that succeeded (%)")
        {
            XRange = (0.3, experiments.Count + 0.7 + experiments.Count * 0.75),
            YRange = (0, 100),
        };
        for (var i = 0; i < experiments.Count; i++)
        {
            var (name, result) = experiments[i];
            var rate = result.SuccessRate * 100;
            var x = i + 1.0;
            chart.Band([x - 0.38, x + 0.38], [0, 0], [rate, rate], Invariant($"{i + 1}. {name}: {rate:F0}%"), color: Palette(i), opacity: 0.8);
        }

        for (var i = 0; i < experiments.Count; i++)
        {
            var (low, high) = Wilson(experiments[i].Result.SuccessRate, experiments[i].Result.Seeds.Count);
            chart.Line([i + 1.0, i + 1.0], [low * 100, high * 100], color: "#000000");
        }

        return new Figure(1, [chart]) { PanelWidth = 900, PanelHeight = 420 };
    }

    /// <summary>The 95% Wilson score interval of a success rate measured over <paramref name="n"/> runs.</summary>
    public static (double Low, double High) Wilson(double rate, int n, double z = 1.96)
    {
        var denominator = 1 + z * z / n;
        var centre = (rate + z * z / (2 * n)) / denominator;
        var half = z * Math.Sqrt(rate * (1 - rate) / n + z * z / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The "loss doesn't work" sweep: D's loss (y axis) for a family of discriminators (x axis), one line per family
    /// member, against a fixed generator; the flat D that says 0.5 everywhere scores ln 2 (dashed).
    /// </summary>
    public static Figure LossSweep(double[] x, IEnumerable<(string Name, double[] Loss)> lines, string title, string xLabel)
    {
        var chart = new Chart(title, xLabel, "D's loss (lower = 'better' D)");
        var colors = new[] { GanPlots.Blue, GanPlots.Orange, GanPlots.Red, GanPlots.Purple };
        var i = 0;
        var all = new List<double> { GanPlots.Ln2 };
        foreach (var (name, loss) in lines)
        {
            chart.Line(x, loss, name, color: colors[i++ % colors.Length]);
            all.AddRange(loss.Where(double.IsFinite));
        }

        chart.Line([x[0], x[^1]], [GanPlots.Ln2, GanPlots.Ln2], "flat D = 0.5 everywhere: ln 2", dashed: true, color: GanPlots.Grey);
        var (low, high) = (Math.Min(0, all.Min()), all.Max());
        chart.YRange = (low, high + 0.45 * (high - low));
        return new Figure(1, [chart]) { PanelWidth = 680, PanelHeight = 400 };
    }

    /// <summary>Several discriminators against one generator on the shared axis: G's outputs as blue dots, each D a curve.</summary>
    public static Figure Discriminators(PointGanParameters generator, IEnumerable<(string Name, PointGanParameters D)> discriminators, string title)
    {
        var outputs = Enumerable.Range(0, 21).Select(i => generator.Generate(-1 + i / 10.0)).ToArray();
        var chart = new Chart(title, "y (D's input)", "D(y) = P(real)") { XRange = ValueRange, YRange = (-0.05, 1.6) }
            .Scatter(outputs, outputs.Select(_ => 0.0), Invariant($"G's outputs (w = {generator.W:F2}, b = {generator.B:F2})"), color: GanPlots.Blue)
            .Line([1, 1], [0, 1], "real value 1", dashed: true, color: GanPlots.Green);
        var colors = new[] { GanPlots.Orange, GanPlots.Red, GanPlots.Purple, GanPlots.Grey };
        var i = 0;
        foreach (var (name, d) in discriminators)
        {
            chart.Function(d.Discriminate, ValueRange.Min, ValueRange.Max, name, samples: 400, color: colors[i++ % colors.Length]);
        }

        return new Figure(1, [chart]) { PanelWidth = 680, PanelHeight = 400 };
    }

    private static string Palette(int i) =>
        new[] { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" }[i % 10];

    private static (double Mean, double Std) MeanStd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return (mean, Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average()));
    }

    private static double[] Plus(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private static double[] Minus(double[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
