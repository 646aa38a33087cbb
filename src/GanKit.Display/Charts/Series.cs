namespace GanKit.Display.Charts;

/// <summary>One data layer of a chart panel. Unnamed series stay out of the legend.</summary>
public abstract record Series(string? Name)
{
    /// <summary>A CSS colour (e.g. <c>#1f77b4</c>); null takes the palette colour of the series' position.</summary>
    public string? Color { get; init; }
}

/// <summary>A polyline through (x, y) points: losses over steps, or a function over an input range.</summary>
public sealed record LineSeries(string? Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed = false) : Series(Name);

/// <summary>
/// A filled area between <see cref="Lower"/> and <see cref="Upper"/> over <see cref="X"/>: a mean ± std band,
/// or, over two x values, a bar.
/// </summary>
public sealed record BandSeries(string? Name, IReadOnlyList<double> X, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, double Opacity = 0.25) : Series(Name);

/// <summary>Unconnected points, e.g. real vs generated 2-D samples.</summary>
public sealed record ScatterSeries(string? Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, double MarkerSize = 3) : Series(Name);

/// <summary>A histogram over <see cref="BinCount"/> equal bins from <see cref="Start"/> to <see cref="End"/>.</summary>
public sealed record HistogramSeries(string? Name, IReadOnlyList<double> Values, int BinCount, double Start, double End) : Series(Name)
{
    public double BinWidth => (End - Start) / BinCount;

    /// <summary>How many values fall in each bin; the last bin includes <see cref="End"/>.</summary>
    public int[] Counts()
    {
        var counts = new int[BinCount];
        foreach (var value in Values)
        {
            if (double.IsFinite(value) && value >= Start && value <= End)
            {
                counts[Math.Min(BinCount - 1, (int)((value - Start) / BinWidth))]++;
            }
        }

        return counts;
    }
}

/// <summary>A grid of values drawn as coloured cells, row 0 at the top, with a Viridis colour scale.</summary>
public sealed record HeatmapSeries(string? Name, double[,] Values) : Series(Name)
{
    public int Rows => Values.GetLength(0);

    public int Columns => Values.GetLength(1);
}

/// <summary>
/// A picture filling its panel, one image pixel per axis unit with row 0 at the top: sample grids, and the
/// frames of a training movie. A panel holding an image shows no axes.
/// </summary>
/// <param name="Png">The picture, PNG-encoded (an <see cref="Images.ImageGrid"/>'s, or one read back from a run's event file).</param>
public sealed record ImageSeries(string? Name, byte[] Png, int Width, int Height) : Series(Name)
{
    public override string ToString() => $"{Width}×{Height} px image";
}
