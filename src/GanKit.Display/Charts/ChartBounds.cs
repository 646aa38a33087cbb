namespace GanKit.Display.Charts;

/// <summary>The data extent of a chart panel, widened so a flat series still gets a visible axis.</summary>
internal readonly record struct ChartBounds((double Min, double Max) X, (double Min, double Max) Y)
{
    public static ChartBounds Of(Chart chart)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        void Include(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
        {
            for (var i = 0; i < xs.Count; i++)
            {
                if (double.IsFinite(xs[i]) && double.IsFinite(ys[i]))
                {
                    (xMin, xMax) = (Math.Min(xMin, xs[i]), Math.Max(xMax, xs[i]));
                    (yMin, yMax) = (Math.Min(yMin, ys[i]), Math.Max(yMax, ys[i]));
                }
            }
        }

        foreach (var series in chart.Series)
        {
            switch (series)
            {
                case LineSeries line:
                    Include(line.X, line.Y);
                    break;
                case ScatterSeries scatter:
                    Include(scatter.X, scatter.Y);
                    break;
                case BandSeries band:
                    Include(band.X, band.Lower);
                    Include(band.X, band.Upper);
                    break;
                case HistogramSeries histogram:
                    Include([histogram.Start, histogram.End], [0, histogram.Counts().DefaultIfEmpty(0).Max()]);
                    break;
                case HeatmapSeries heatmap:
                    Include([0, heatmap.Columns], [0, heatmap.Rows]);
                    break;
                case ImageSeries image:
                    Include([0, image.Width], [0, image.Height]);
                    break;
            }
        }

        var x = chart.XRange ?? Widen(xMin, xMax);
        var y = chart.YRange ?? Widen(yMin, yMax);
        return new ChartBounds(x, y);
    }

    private static (double, double) Widen(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return (0, 1);
        }

        if (max - min < 1e-12)
        {
            var half = Math.Max(Math.Abs(min) * 0.1, 0.5);
            return (min - half, max + half);
        }

        return (min, max);
    }
}
