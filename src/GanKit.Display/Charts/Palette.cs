namespace GanKit.Display.Charts;

/// <summary>Series colours (the familiar matplotlib/Plotly category palette) and the Viridis colour scale.</summary>
internal static class Palette
{
    private static readonly string[] Categorical =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private static readonly (double R, double G, double B)[] ViridisStops =
        [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)];

    public static string Color(int index) => Categorical[index % Categorical.Length];

    /// <summary>The Viridis colour for <paramref name="t"/> in [0, 1], linearly interpolated between 5 stops.</summary>
    public static string Viridis(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        var position = t * (ViridisStops.Length - 1);
        var i = Math.Min((int)position, ViridisStops.Length - 2);
        var f = position - i;
        var (a, b) = (ViridisStops[i], ViridisStops[i + 1]);
        return $"#{Lerp(a.R, b.R, f):x2}{Lerp(a.G, b.G, f):x2}{Lerp(a.B, b.B, f):x2}";
    }

    private static int Lerp(double from, double to, double f) => (int)Math.Round(from + (to - from) * f);
}
