using System.Globalization;
using GanKit.Display.Charts;
using Plotly.NET;
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
    /// the whole range (orange), the real value 1 (green, dashed) and where G's outputs land (blue dots on y = 0).
    /// </summary>
    public static PlotlyChart Functions(PointGanParameters p, string? title = null) =>
        PlotlyCharts.Single(FunctionsPanel(p, title ?? Invariant($"w = {p.W:F2}, b = {p.B:F2}")), 680, 400);

    private static ChartPanel FunctionsPanel(PointGanParameters p, string? title)
    {
        // Values rounded to 3 decimals (a twentieth of a pixel) and D sampled every 0.1 (six pixels): plenty for the
        // eye, and animations of many frames stay small in the notebook file.
        var outputs = Enumerable.Range(0, 11).Select(i => Round(p.Generate(-1 + i / 5.0))).ToArray();
        var ys = Enumerable.Range(0, 51).Select(i => Math.Round(ValueRange.Min + i * (ValueRange.Max - ValueRange.Min) / 50, 2)).ToArray();
        return new ChartPanel(title, "x (G's input) / y (D's input)", "G(x) or D(y)",
            [
                PlotlyCharts.Line([-1, 1], [Round(p.Generate(-1)), Round(p.Generate(1))], "G(x) = w·x + b", GanPlots.Blue),
                PlotlyCharts.Line(ys, ys.Select(y => Round(p.Discriminate(y))), "D(y) = P(real)", GanPlots.Orange),
                PlotlyCharts.Line([1, 1], [OutputRange.Min, OutputRange.Max], "real value 1", GanPlots.Green, dashed: true),
                PlotlyCharts.Points(outputs, outputs.Select(_ => 0.0), "G's outputs (on y = 0)", GanPlots.Blue),
            ])
        {
            XRange = ValueRange,
            YRange = OutputRange,
        };
    }

    private static double Round(double value) => Math.Round(value, 3);

    /// <summary>Record indices spread evenly over a run, first and last included.</summary>
    public static int[] FrameRecords(PointGanResult result, int frames)
    {
        var last = result.RecordedSteps.Count - 1;
        frames = Math.Clamp(frames, 1, last + 1);
        return frames == 1 ? [last] : Enumerable.Range(0, frames).Select(i => (int)Math.Round(i * (double)last / (frames - 1))).Distinct().ToArray();
    }

    /// <summary>
    /// G and D of one seed over training, one frame per recorded step picked (slider and play button in Plotly; the
    /// title says the step shown). Frames carry only G, D and G's outputs: the real value's line is written once.
    /// </summary>
    public static PlotlyChart Animate(PointGanResult result, int seedIndex, string title, int frames = 20) =>
        PlotlyCharts.Animation(title, FrameRecords(result, frames)
            .Select(record => (Invariant($"step {result.RecordedSteps[record]}"), FunctionsPanel(result.At(record, seedIndex), null)))
            .ToArray(), 680, 400);

    /// <summary>
    /// Two runs side by side, frame by frame down the rows (a static filmstrip of the animations, readable anywhere):
    /// column 1 is <paramref name="left"/>'s seed, column 2 <paramref name="right"/>'s.
    /// </summary>
    public static PlotlyChart SideBySide((PointGanResult Result, int Seed, string Label) left, (PointGanResult Result, int Seed, string Label) right, int frames = 4)
    {
        var panels = new List<ChartPanel>();
        var leftRecords = FrameRecords(left.Result, frames);
        var rightRecords = FrameRecords(right.Result, frames);
        for (var i = 0; i < Math.Min(leftRecords.Length, rightRecords.Length); i++)
        {
            foreach (var (run, record) in new[] { (left, leftRecords[i]), (right, rightRecords[i]) })
            {
                var p = run.Result.At(record, run.Seed);
                panels.Add(FunctionsPanel(p, Invariant($"{run.Label}, step {run.Result.RecordedSteps[record]}: w = {p.W:F2}, b = {p.B:F2}")));
            }
        }

        return PlotlyCharts.Grid(2, Invariant($"{left.Label} (left) vs {right.Label} (right): G blue, D orange"), 480, 300, panels);
    }

    /// <summary>
    /// Two runs side by side and in step: an animation over training (slider and play button where plotly.js runs;
    /// each panel's title gives its w and b at the step shown), whose static image is the <see cref="SideBySide"/>
    /// filmstrip of <paramref name="stillFrames"/> rows.
    /// </summary>
    public static PlotlyChart AnimateSideBySide((PointGanResult Result, int Seed, string Label) left, (PointGanResult Result, int Seed, string Label) right,
        int frames = 20, int stillFrames = 4)
    {
        var leftRecords = FrameRecords(left.Result, frames);
        var rightRecords = FrameRecords(right.Result, frames);
        var count = Math.Min(leftRecords.Length, rightRecords.Length);
        ChartPanel Panel((PointGanResult Result, int Seed, string Label) run, int record)
        {
            var p = run.Result.At(record, run.Seed);
            return FunctionsPanel(p, Invariant($"{run.Label}: w = {p.W:F2}, b = {p.B:F2}"));
        }

        return PlotlyCharts.Animation(Invariant($"{left.Label} (left) vs {right.Label} (right)"),
            Enumerable.Range(0, count)
                .Select(i => (Invariant($"step {left.Result.RecordedSteps[leftRecords[i]]}"), (IReadOnlyList<ChartPanel>)[Panel(left, leftRecords[i]), Panel(right, rightRecords[i])]))
                .ToArray(),
            2, 480, 300, SideBySide(left, right, stillFrames));
    }

    /// <summary>w and b over training: mean across seeds (lines) and mean ± std (bands), with the targets 0 and 1 dashed.</summary>
    public static PlotlyChart ParameterBands(PointGanResult result, string? title = null) =>
        PlotlyCharts.Single(ParameterBandsPanel(result, title ?? Invariant($"Generator's w and b over training, {result.Seeds.Count} seeds (mean ± std)"), null), 720, 400);

    /// <summary>Several experiments' <see cref="ParameterBands(PointGanResult, string?)"/> side by side on one y range, so they compare.</summary>
    public static PlotlyChart ParameterBands(string? title, params (PointGanResult Result, string Title)[] experiments)
    {
        var ranges = experiments.Select(e => BandsRange(e.Result)).ToArray();
        var shared = (ranges.Min(r => r.Low), ranges.Max(r => r.High));
        return PlotlyCharts.Grid(Math.Min(2, experiments.Length), title, 520, 380,
            experiments.Select(e => ParameterBandsPanel(e.Result, e.Title, shared)).ToArray());
    }

    private static ChartPanel ParameterBandsPanel(PointGanResult result, string? title, (double Low, double High)? yRange)
    {
        // At most 80 evenly spaced records (a point every 6 pixels or so): the curves look the same, the notebook is smaller.
        var records = FrameRecords(result, 80);
        double[] Thin(double[] values) => records.Select(r => values[r]).ToArray();
        var steps = records.Select(r => (double)result.RecordedSteps[r]).ToArray();
        var (wMean, wStd) = result.AcrossSeeds(p => p.W);
        var (bMean, bStd) = result.AcrossSeeds(p => p.B);
        (wMean, wStd, bMean, bStd) = (Thin(wMean), Thin(wStd), Thin(bMean), Thin(bStd));
        var end = steps[^1];
        return new ChartPanel(title, "training step", "parameter value",
            [
                PlotlyCharts.Band(steps, Minus(wMean, wStd), Plus(wMean, wStd), "w: mean ± std", GanPlots.Blue),
                PlotlyCharts.Band(steps, Minus(bMean, bStd), Plus(bMean, bStd), "b: mean ± std", GanPlots.Orange),
                PlotlyCharts.Line(steps, wMean, "w (mean)", GanPlots.Blue),
                PlotlyCharts.Line(steps, bMean, "b (mean)", GanPlots.Orange),
                PlotlyCharts.Line([0, end], [0, 0], "target w = 0", GanPlots.Blue, dashed: true),
                PlotlyCharts.Line([0, end], [1, 1], "target b = 1", GanPlots.Orange, dashed: true),
            ])
        {
            XRange = (0, end),
            YRange = yRange ?? BandsRange(result),
        };
    }

    // The bands' extent with the targets 0 and 1 in view and a little room.
    private static (double Low, double High) BandsRange(PointGanResult result)
    {
        var (wMean, wStd) = result.AcrossSeeds(p => p.W);
        var (bMean, bStd) = result.AcrossSeeds(p => p.B);
        var low = Math.Min(-0.1, Minus(wMean, wStd).Concat(Minus(bMean, bStd)).Min());
        var high = Math.Max(1.1, Plus(wMean, wStd).Concat(Plus(bMean, bStd)).Max());
        var pad = 0.05 * (high - low);
        return (low - pad, high + pad);
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
    /// The experiments as bars of success rate, each named on the axis, with its 95% Wilson interval as an error bar,
    /// so a difference can be judged against the noise of the seeds.
    /// </summary>
    public static PlotlyChart SummaryChart(IReadOnlyList<(string Name, PointGanResult Result)> experiments, string? title = null)
    {
        var rates = experiments.Select(e => Math.Round(e.Result.SuccessRate * 100, 2)).ToArray();
        var intervals = experiments.Select(e => Wilson(e.Result.SuccessRate, e.Result.Seeds.Count)).ToArray();
        // Each bar's category says its rate and interval: a bar at 0 % has no height to see.
        var names = experiments.Select((e, i) => Invariant($"{e.Name}<br>{rates[i]:0.#} % ({intervals[i].Low * 100:0}–{intervals[i].High * 100:0})")).ToArray();
        var bars = PlotlyCharts.Bars(names, rates,
            experiments.Select((_, i) => Palette(i)).ToArray(),
            intervals.Select(w => w.Low * 100).ToArray(), intervals.Select(w => w.High * 100).ToArray());
        return PlotlyCharts.Single(new ChartPanel(title ?? "Success rate per experiment, with 95% interval", null, "runs that succeeded (%)", [bars])
        {
            YRange = (0, 100),
        }, Math.Max(640, 110 * experiments.Count), 460);
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
    public static PlotlyChart LossSweep(double[] x, IEnumerable<(string Name, double[] Loss)> lines, string title, string xLabel)
    {
        var colors = new[] { GanPlots.Blue, GanPlots.Orange, GanPlots.Red, GanPlots.Purple };
        var traces = lines.Select((line, i) => PlotlyCharts.Line(x, line.Loss, line.Name, colors[i % colors.Length])).ToList();
        traces.Add(PlotlyCharts.Line([x[0], x[^1]], [GanPlots.Ln2, GanPlots.Ln2], "flat D = 0.5 everywhere: ln 2", GanPlots.Grey, dashed: true));
        // A log axis when x spans orders of magnitude (half-widths from 0.02 to 1.5): the interesting small values get room.
        var logX = x[0] > 0 && x[^1] / x[0] >= 20;
        // On a log axis, ticks at 1, 2 and 5 times powers of ten, labelled in full (plotly.js would write 0.02 as "2").
        var ticks = logX
            ? Enumerable.Range(-6, 13).SelectMany(p => new[] { 1, 2, 5 }.Select(m => m * Math.Pow(10, p)))
                .Select(t => Math.Round(t, 6)).Where(t => t >= x[0] * 0.999 && t <= x[^1] * 1.001).ToArray()
            : null;
        return PlotlyCharts.Single(new ChartPanel(title, logX ? xLabel + " (log scale)" : xLabel, "D's loss (lower = 'better' D)", traces)
            { XLog = logX, XTicks = ticks }, 900, 420);
    }

    /// <summary>Several discriminators against one generator on the shared axis: G's outputs as blue dots on y = 0, each D a curve.</summary>
    public static PlotlyChart Discriminators(PointGanParameters generator, IEnumerable<(string Name, PointGanParameters D)> discriminators, string title)
    {
        var outputs = Enumerable.Range(0, 21).Select(i => generator.Generate(-1 + i / 10.0)).ToArray();
        var colors = new[] { GanPlots.Orange, GanPlots.Red, GanPlots.Purple, GanPlots.Grey };
        // Every 0.025 (about 4 pixels): fine enough for the steep step.
        var ys = Enumerable.Range(0, 201).Select(i => Math.Round(ValueRange.Min + i * (ValueRange.Max - ValueRange.Min) / 200, 3)).ToArray();
        var traces = new List<Trace>
        {
            PlotlyCharts.Points(outputs, outputs.Select(_ => 0.0), Invariant($"G's outputs (w = {generator.W:F2}, b = {generator.B:F2})"), GanPlots.Blue),
            PlotlyCharts.Line([1, 1], [0, 1], "real value 1", GanPlots.Green, dashed: true),
        };
        traces.AddRange(discriminators.Select((d, i) => PlotlyCharts.Line(ys, ys.Select(y => Round(d.D.Discriminate(y))), d.Name, colors[i % colors.Length])));
        return PlotlyCharts.Single(new ChartPanel(title, "y (D's input)", "D(y) = P(real)", traces) { XRange = ValueRange, YRange = (-0.05, 1.05) }, 900, 420);
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
