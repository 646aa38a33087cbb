using System.Globalization;
using GanKit.Display.Charts;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Visualization;

/// <summary>
/// The figures of notebook 05 (measuring GANs): one picture per metric, the sample-size bias, metrics over
/// training and the scoreboard of deliberately broken generators. Inputs are plain numbers or 2-D points, so
/// every figure can be drawn from any metric library's results.
/// </summary>
public static class MetricPlots
{
    private const string RealColour = GanPlots.Blue, FakeColour = GanPlots.Orange;

    /// <summary>
    /// FID's picture: two point clouds (e.g. features projected on two main directions), each with the Gaussian
    /// FID fits to it drawn as its mean and its 1- and 2-σ ellipses. At most <paramref name="maxPoints"/> points are
    /// drawn per cloud; the ellipses use them all.
    /// </summary>
    public static PlotlyChart GaussianFits(Tensor real, Tensor fake, string realName, string fakeName, string? title = null, int maxPoints = 600)
    {
        var panel = new ChartPanel(title, "direction 1", "direction 2",
            [.. Cloud(real, realName, RealColour, maxPoints), .. Cloud(fake, fakeName, FakeColour, maxPoints)])
        { EqualAxes = true };
        return PlotlyCharts.Single(panel, 900, 540);
    }

    private static IEnumerable<Trace> Cloud(Tensor points, string name, string colour, int maxPoints)
    {
        var (x, y) = GanPlots.Columns(points);
        // Evenly spaced rows, not the first ones: datasets are often sorted by class.
        var shown = Enumerable.Range(0, Math.Min(x.Length, maxPoints)).Select(i => (int)((long)i * x.Length / Math.Min(x.Length, maxPoints))).ToArray();
        yield return PlotlyCharts.Points(shown.Select(i => x[i]), shown.Select(i => y[i]), name, colour, size: 4, opacity: 0.45);
        var (mx, my) = (x.Average(), y.Average());
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
        }

        var n = Math.Max(1, x.Length - 1);
        var (ex, ey) = Ellipse(mx, my, sxx / n, syy / n, sxy / n, 2);
        var fit = $"{name}: fitted Gaussian (mean; 1σ dashed, 2σ)";
        yield return PlotlyCharts.Line(ex, ey, fit, colour);
        (ex, ey) = Ellipse(mx, my, sxx / n, syy / n, sxy / n, 1);
        yield return PlotlyCharts.Line(ex, ey, fit, colour, dashed: true);
        yield return PlotlyCharts.Points([mx], [my], fit, colour, size: 14);
    }

    /// <summary>Points of the <paramref name="sigmas"/>-σ ellipse of a 2-D Gaussian with the given covariance.</summary>
    private static (double[] X, double[] Y) Ellipse(double mx, double my, double sxx, double syy, double sxy, double sigmas)
    {
        // Covariance = R diag(l1, l2) Rᵀ: the ellipse is a circle stretched by √l along the eigenvectors.
        var half = (sxx + syy) / 2;
        var root = Math.Sqrt(Math.Max(0, (sxx - syy) * (sxx - syy) / 4 + sxy * sxy));
        var (l1, l2) = (half + root, Math.Max(0, half - root));
        var angle = 0.5 * Math.Atan2(2 * sxy, sxx - syy);
        var (c, s) = (Math.Cos(angle), Math.Sin(angle));
        const int count = 73;
        var x = new double[count];
        var y = new double[count];
        for (var i = 0; i < count; i++)
        {
            var t = 2 * Math.PI * i / (count - 1);
            var (u, v) = (sigmas * Math.Sqrt(l1) * Math.Cos(t), sigmas * Math.Sqrt(l2) * Math.Sin(t));
            x[i] = mx + c * u - s * v;
            y[i] = my + s * u + c * v;
        }

        return (x, y);
    }

    /// <summary>
    /// Improved precision and recall's picture on 2-D points: left, each real point's ball (radius: the distance to
    /// its k-th nearest real neighbour) and the generated points coloured by whether they land in any ball —
    /// precision is the share that do; right, the same with the roles swapped — recall.
    /// </summary>
    public static PlotlyChart NeighbourhoodBalls(Tensor real, Tensor fake, IReadOnlyList<double> realRadii, IReadOnlyList<double> fakeRadii,
        IReadOnlyList<bool> fakeInsideReal, IReadOnlyList<bool> realInsideFake, int k)
    {
        var (rx, ry) = GanPlots.Columns(real);
        var (fx, fy) = GanPlots.Columns(fake);
        if (realRadii.Count != rx.Length || fakeRadii.Count != fx.Length || fakeInsideReal.Count != fx.Length || realInsideFake.Count != rx.Length)
            throw new ArgumentException("one radius and one inside/outside flag per point are needed on each side");
        var precision = fakeInsideReal.Count(b => b) / (double)fx.Length;
        var recall = realInsideFake.Count(b => b) / (double)rx.Length;
        var all = cat(new List<Tensor> { real.to_type(ScalarType.Float64), fake.to_type(ScalarType.Float64) });
        var (xRange, yRange) = GanPlots.RangesAround(all, 0.15);
        all.Dispose();
        ChartPanel Side(string title, double[] bx, double[] by, IReadOnlyList<double> radii, string ballName, string ballColour,
            double[] px, double[] py, IReadOnlyList<bool> inside, string pointName, string pointColour) =>
            new(title, "x₁", "x₂",
                [
                    .. Balls(bx, by, radii, ballName, ballColour),
                    PlotlyCharts.Points(bx, by, ballName, ballColour, size: 5),
                    PlotlyCharts.Points(Pick(px, inside, true), Pick(py, inside, true), $"{pointName} inside a ball", pointColour, size: 8),
                    PlotlyCharts.Points(Pick(px, inside, false), Pick(py, inside, false), $"{pointName} outside every ball", GanPlots.Red, size: 8),
                ])
            { XRange = xRange, YRange = yRange, EqualAxes = true };
        return PlotlyCharts.Grid(2, $"k = {k}: precision {precision:P0} of the generated points in the real balls, recall {recall:P0} of the real points in the generated balls",
            520, 480,
            [
                Side("precision: is each generated point near real data?", rx, ry, realRadii, "real points and their balls", RealColour,
                    fx, fy, fakeInsideReal, "generated", FakeColour),
                Side("recall: is each real point near generated data?", fx, fy, fakeRadii, "generated points and their balls", FakeColour,
                    rx, ry, realInsideFake, "real", RealColour),
            ]);
    }

    private static IEnumerable<Trace> Balls(double[] x, double[] y, IReadOnlyList<double> radii, string name, string colour)
    {
        // All circles in one trace, separated by gaps (NaN), so a hundred balls are one legend entry.
        const int count = 37;
        var cx = new List<double>();
        var cy = new List<double>();
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < count; j++)
            {
                var t = 2 * Math.PI * j / (count - 1);
                cx.Add(x[i] + radii[i] * Math.Cos(t));
                cy.Add(y[i] + radii[i] * Math.Sin(t));
            }

            cx.Add(double.NaN);
            cy.Add(double.NaN);
        }

        yield return PlotlyCharts.Line(cx, cy, name, colour);
    }

    private static double[] Pick(double[] values, IReadOnlyList<bool> flags, bool wanted) =>
        values.Where((_, i) => flags[i] == wanted).ToArray();

    /// <summary>
    /// Inception Score's picture: class-probability panels side by side — e.g. a confidently classified sample
    /// p(y|x), an ambiguous one, and the average over all samples p(y). IS is high when each p(y|x) is peaked and
    /// p(y) is flat.
    /// </summary>
    public static PlotlyChart ClassProbabilities(IReadOnlyList<(string Title, IReadOnlyList<double> Probabilities)> panels,
        IReadOnlyList<string> classNames, string? title = null) =>
        PlotlyCharts.Grid(panels.Count, title, 320, 300, panels.Select(p => new ChartPanel(p.Title, "class", "probability",
            [PlotlyCharts.Bars(classNames, p.Probabilities)]) { YRange = (0, 1), XTicks = ClassTicks(classNames), XTickLabels = classNames }).ToList());

    // Every class labelled: class names such as "0".."9" would otherwise get a numeric axis with ticks at 0, 5.
    private static double[] ClassTicks(IReadOnlyList<string> classNames) => Enumerable.Range(0, classNames.Count).Select(i => (double)i).ToArray();

    /// <summary>
    /// The share of samples a classifier puts in each class, against an even share (dashed): a generator that
    /// forgets a class shows a missing bar, mode collapse one tall bar.
    /// </summary>
    public static PlotlyChart ClassShares(IReadOnlyList<string> classNames, IReadOnlyList<double> shares, double evenShare, string title)
    {
        var panel = new ChartPanel(title, "predicted class", "share of samples",
            [
                PlotlyCharts.Bars(classNames, shares),
                PlotlyCharts.Line([-0.5, classNames.Count - 0.5], [evenShare, evenShare], $"an even share: {evenShare:P0} each", GanPlots.Grey, dashed: true),
            ])
        { XTicks = ClassTicks(classNames), XTickLabels = classNames };
        return PlotlyCharts.Single(panel, 640, 360);
    }

    /// <summary>KID's picture: the spread of the per-subset estimates (a histogram), their mean and ± one std.</summary>
    public static PlotlyChart SubsetSpread(IReadOnlyList<double> perSubset, string title, int bins = 20)
    {
        if (perSubset.Count == 0) throw new ArgumentException("no subset values to draw", nameof(perSubset));
        var (lo, hi) = (perSubset.Min(), perSubset.Max());
        var width = Math.Max(hi - lo, 1e-12) / bins;
        var counts = new double[bins];
        foreach (var v in perSubset) counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        var centres = Enumerable.Range(0, bins).Select(i => lo + (i + 0.5) * width).ToArray();
        var mean = perSubset.Average();
        var std = Math.Sqrt(perSubset.Sum(v => (v - mean) * (v - mean)) / perSubset.Count);
        var top = counts.Max() * 1.1;
        var panel = new ChartPanel(title, "MMD² of one subset", "subsets",
            [
                PlotlyCharts.Line(Steps(centres, width), Steps(counts), "subsets per bin", GanPlots.Purple),
                PlotlyCharts.Line([mean, mean], [0, top], $"mean (KID) {mean.ToString("G3", CultureInfo.InvariantCulture)}", GanPlots.Red),
                PlotlyCharts.Line([mean - std, mean - std, double.NaN, mean + std, mean + std], [0, top, double.NaN, 0, top], "mean ± std", GanPlots.Red, dashed: true),
            ])
        { YRange = (0, top) };
        return PlotlyCharts.Single(panel, 640, 360);
    }

    // A histogram outline: each bin a flat step.
    private static double[] Steps(double[] centres, double width) =>
        centres.SelectMany(c => new[] { c - width / 2, c + width / 2 }).ToArray();

    private static double[] Steps(double[] counts) => counts.SelectMany(c => new[] { c, c }).ToArray();

    /// <summary>
    /// The sample-size bias: a metric measured at several sample sizes N against 1/N, the fitted line and its value
    /// at 1/N = 0 (the effectively unbiased FID∞ or IS∞ of Chong and Forsyth), and where N = <paramref name="adviceN"/>
    /// (TTUR's advice of at least 10,000) falls on the line.
    /// </summary>
    public static PlotlyChart SampleSizeLine(IReadOnlyList<(long N, double Value)> points, double slope, double intercept, string metric,
        string? title = null, long adviceN = 10_000)
    {
        if (points.Count < 2) throw new ArgumentException("a line needs at least two sample sizes", nameof(points));
        var x = points.Select(p => 1.0 / p.N).ToArray();
        var right = x.Max() * 1.05;
        var ticks = SpacedSampleSizeTicks(points.Select(p => p.N).ToList(), adviceN, right);
        var tickValues = ticks.Select(n => n == 0 ? 0 : 1.0 / n).ToList();
        var tickLabels = ticks.Select(n => n == 0 ? "∞" : n.ToString("N0", CultureInfo.InvariantCulture)).ToList();
        var atAdvice = intercept + slope / adviceN;
        var panel = new ChartPanel(title, "samples N (axis: 1/N)", metric,
            [
                PlotlyCharts.Points(x, points.Select(p => p.Value), $"{metric} measured at N samples", GanPlots.Blue, size: 8),
                PlotlyCharts.Line([0, right], [intercept, intercept + slope * right], $"fitted line: {metric} = {F(intercept)} + {F(slope)}/N", GanPlots.Grey, dashed: true),
                PlotlyCharts.Points([0], [intercept], $"{metric}∞ = {F(intercept)} (the line at 1/N = 0)", GanPlots.Red, size: 12),
                PlotlyCharts.Points([1.0 / adviceN], [atAdvice], $"N = {adviceN:N0} (TTUR's advice): {F(atAdvice)}", GanPlots.Green, size: 12),
            ])
        { XRange = (-right * 0.03, right), XTicks = tickValues, XTickLabels = tickLabels };
        return PlotlyCharts.Single(panel, 820, 440);
    }

    /// <summary>
    /// Tick sizes for a 1/N axis, ∞ (0 here) first: large N crowd next to ∞, so a size gets a tick only when it stands
    /// at least 8 % of the axis from every tick already kept: the smallest and the largest measured N first, then the
    /// advised N, then the others.
    /// </summary>
    private static List<long> SpacedSampleSizeTicks(IReadOnlyList<long> measured, long adviceN, double axisWidth)
    {
        var ordered = measured.Distinct().Order().ToList();
        var kept = new List<long> { 0 };
        foreach (var n in new[] { ordered[0], ordered[^1], adviceN }.Concat(ordered))
            if (kept.All(k => Math.Abs((k == 0 ? 0 : 1.0 / k) - 1.0 / n) >= 0.08 * axisWidth))
                kept.Add(n);
        return kept;
    }

    private static string F(double value) => value.ToString(Math.Abs(value) >= 100 ? "F1" : "G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Metrics over training: FID (left), KID with ± one std (middle), precision and recall (right) at the steps
    /// where the generator was kept.
    /// </summary>
    public static PlotlyChart OverTraining(IReadOnlyList<long> steps, IReadOnlyList<double> fid, IReadOnlyList<double> kidMean,
        IReadOnlyList<double> kidStd, IReadOnlyList<double> precision, IReadOnlyList<double> recall, string? title = null)
    {
        var x = steps.Select(s => (double)s).ToArray();
        var ticks = x.ToArray();
        var kidLow = kidMean.Select((m, i) => m - kidStd[i]).ToArray();
        var kidHigh = kidMean.Select((m, i) => m + kidStd[i]).ToArray();
        return PlotlyCharts.Grid(3, title, 360, 340,
            [
                new ChartPanel("FID (lower is better)", "training step", "FID", [PlotlyCharts.Line(x, fid, "FID", GanPlots.Blue), PlotlyCharts.Points(x, fid, "FID", GanPlots.Blue)]) { XTicks = ticks },
                new ChartPanel("KID (lower is better)", "training step", "KID",
                    [PlotlyCharts.Band(x, kidLow, kidHigh, "KID ± std", GanPlots.Purple), PlotlyCharts.Line(x, kidMean, "KID", GanPlots.Purple), PlotlyCharts.Points(x, kidMean, "KID", GanPlots.Purple)])
                    { XTicks = ticks },
                new ChartPanel("Precision and recall (higher is better)", "training step", "share",
                    [
                        PlotlyCharts.Line(x, precision, "precision", GanPlots.Green), PlotlyCharts.Points(x, precision, "precision", GanPlots.Green),
                        PlotlyCharts.Line(x, recall, "recall", GanPlots.Orange, dashed: true), PlotlyCharts.Points(x, recall, "recall", GanPlots.Orange),
                    ])
                    { XTicks = ticks, YRange = (0, 1.02) },
            ]);
    }

    /// <summary>
    /// The scoreboard of candidate "generators" (real held-out digits, a trained G, broken ones): FID on a log axis,
    /// KID, and precision next to recall, one bar per candidate; with <paramref name="minutes"/>, also the training
    /// time of each (NaN: a candidate that was not trained, drawn as no bar).
    /// </summary>
    public static PlotlyChart Scoreboard(IReadOnlyList<string> names, IReadOnlyList<double> fid, IReadOnlyList<double> kid,
        IReadOnlyList<double> precision, IReadOnlyList<double> recall, string? title = null, IReadOnlyList<double>? minutes = null)
    {
        var colours = names.Select((_, i) => Palette[i % Palette.Length]).ToArray();
        // A log axis cannot show 0; the memorising generator's FID is ~0, so it is drawn at the axis floor.
        var floor = Math.Max(1e-3, fid.Where(v => v > 0).DefaultIfEmpty(1).Min() / 3);
        var panels = new List<ChartPanel>
        {
            new("FID (log axis; lower is better)", null, "FID", [PlotlyCharts.Bars(names, fid.Select(v => Math.Max(v, floor)).ToArray(), colours)]) { YLog = true },
            new("KID (lower is better)", null, "KID", [PlotlyCharts.Bars(names, kid, colours)]),
            new("Precision (higher is better)", null, "precision", [PlotlyCharts.Bars(names, precision, colours)]) { YRange = (0, 1.02) },
            new("Recall (higher is better)", null, "recall", [PlotlyCharts.Bars(names, recall, colours)]) { YRange = (0, 1.02) },
        };
        if (minutes is not null)
            panels.Insert(2, new ChartPanel("Training time", null, "minutes", [PlotlyCharts.Bars(names, minutes.Select(m => double.IsNaN(m) ? 0 : m).ToArray(), colours)]));
        return PlotlyCharts.Grid(minutes is null ? 2 : 3, title, minutes is null ? 520 : 420, 360, panels);
    }

    private static readonly string[] Palette = [GanPlots.Blue, GanPlots.Green, GanPlots.Orange, GanPlots.Red, GanPlots.Purple, GanPlots.Magenta, GanPlots.Grey];
}
