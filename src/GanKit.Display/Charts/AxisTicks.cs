namespace GanKit.Display.Charts;

/// <summary>"Nice" tick positions (steps of 1, 2 or 5 × 10^k) covering a range.</summary>
internal static class AxisTicks
{
    public static double[] For(double min, double max, int target = 5)
    {
        var step = NiceStep((max - min) / target);
        var first = Math.Ceiling(min / step) * step;
        var ticks = new List<double>();
        for (var value = first; value <= max + step * 1e-9; value += step)
        {
            // Snap to the step grid so accumulated error never prints as 0.30000000000000004.
            ticks.Add(Math.Round(value / step) * step);
        }

        return [.. ticks];
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }
}
