using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Charts;

/// <summary>
/// One plot panel: titled axes holding line, scatter, histogram and heatmap series. Built fluently
/// (<c>new Chart("Losses").Line(steps, lossD, "D").Line(steps, lossG, "G")</c>); displays as SVG.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<Chart>), PreferredMimeTypes = [Mime.Svg, Mime.PlainText])]
public sealed class Chart : IMimeRenderable
{
    private readonly List<Series> _series = [];

    public Chart(string? title = null, string? xLabel = null, string? yLabel = null)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public string? Title { get; set; }

    public string? XLabel { get; set; }

    public string? YLabel { get; set; }

    /// <summary>Fixed axis ranges; null fits the data.</summary>
    public (double Min, double Max)? XRange { get; set; }

    public (double Min, double Max)? YRange { get; set; }

    public IReadOnlyList<Series> Series => _series;

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<Chart>.PreferredMimeTypes;

    /// <summary>Adds a line over x = 0, 1, 2, …</summary>
    public Chart Line(IEnumerable<double> y, string? name = null)
    {
        var ys = y.ToArray();
        return Line(Enumerable.Range(0, ys.Length).Select(i => (double)i), ys, name);
    }

    public Chart Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null, bool dashed = false, string? color = null)
    {
        var (xs, ys) = Paired(x, y);
        return Add(new LineSeries(name, xs, ys, dashed) { Color = color });
    }

    public Chart Scatter(IEnumerable<double> x, IEnumerable<double> y, string? name = null, double markerSize = 3, string? color = null)
    {
        var (xs, ys) = Paired(x, y);
        return Add(new ScatterSeries(name, xs, ys, markerSize) { Color = color });
    }

    /// <summary>A filled area between two curves over the same x, e.g. mean ± std across seeds.</summary>
    public Chart Band(IEnumerable<double> x, IEnumerable<double> lower, IEnumerable<double> upper, string? name = null, string? color = null, double opacity = 0.25)
    {
        var (xs, lows) = Paired(x, lower);
        var (_, highs) = Paired(xs, upper);
        return Add(new BandSeries(name, xs, lows, highs, opacity) { Color = color });
    }

    /// <summary>Plots <paramref name="f"/> over [<paramref name="from"/>, <paramref name="to"/>] at evenly spaced points.</summary>
    public Chart Function(Func<double, double> f, double from, double to, string? name = null, int samples = 200, string? color = null, bool dashed = false)
    {
        if (samples < 2 || !(to > from))
        {
            throw new ArgumentException("A function curve needs at least 2 samples over a range with to > from.");
        }

        var xs = Enumerable.Range(0, samples).Select(i => from + (to - from) * i / (samples - 1)).ToArray();
        return Line(xs, xs.Select(f), name, dashed, color);
    }

    /// <summary>Adds a histogram; <paramref name="range"/> defaults to the data's min and max.</summary>
    public Chart Histogram(IEnumerable<double> values, int bins = 30, string? name = null, (double Min, double Max)? range = null)
    {
        var data = values.ToArray();
        if (bins <= 0)
        {
            throw new ArgumentException("A histogram needs at least one bin.", nameof(bins));
        }

        var finite = data.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var (start, end) = range ?? (finite.Min(), finite.Max());
        if (!(end > start))
        {
            (start, end) = (start - 0.5, start + 0.5);
        }

        return Add(new HistogramSeries(name, data, bins, start, end));
    }

    /// <summary>Shows an image grid in the panel (no axes), e.g. generated samples under a title that says the step.</summary>
    public Chart Image(Images.ImageGrid image, string? name = null) => Add(new ImageSeries(name, image.ToPng(), image.Width, image.Height));

    /// <summary>Shows a PNG of <paramref name="width"/> × <paramref name="height"/> pixels in the panel (no axes).</summary>
    public Chart Image(byte[] png, int width, int height, string? name = null)
    {
        if (width <= 0 || height <= 0 || png.Length == 0)
        {
            throw new ArgumentException($"An image needs PNG bytes and a positive size, got {png.Length} bytes, {width}×{height}.");
        }

        return Add(new ImageSeries(name, png, width, height));
    }

    /// <summary>True when the panel shows a picture, which is drawn without axes.</summary>
    public bool IsImage => _series.Count > 0 && _series.All(s => s is ImageSeries);

    public Chart Heatmap(double[,] values, string? name = null) => Add(new HeatmapSeries(name, (double[,])values.Clone()));

    /// <summary>A heatmap from a row-major buffer (e.g. a tensor's data).</summary>
    public Chart Heatmap(ReadOnlySpan<float> rowMajor, int rows, int columns, string? name = null)
    {
        if (rowMajor.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows * columns} values for {rows}×{columns}, got {rowMajor.Length}.");
        }

        var values = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = rowMajor[r * columns + c];
            }
        }

        return Add(new HeatmapSeries(name, values));
    }

    /// <summary>Fixes the axis ranges (null keeps a range fitted to the data); returns the chart for chaining.</summary>
    public Chart WithRanges((double Min, double Max)? x, (double Min, double Max)? y)
    {
        XRange = x;
        YRange = y;
        return this;
    }

    public Chart Add(Series series)
    {
        _series.Add(series);
        return this;
    }

    public void Render(string mimeType, TextWriter writer) => Figure.Of(this).Render(mimeType, writer);

    public override string ToString() => Figure.Describe(this);

    private static (double[] X, double[] Y) Paired(IEnumerable<double> x, IEnumerable<double> y)
    {
        var xs = x.ToArray();
        var ys = y.ToArray();
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"x has {xs.Length} values but y has {ys.Length}.");
        }

        return (xs, ys);
    }
}
