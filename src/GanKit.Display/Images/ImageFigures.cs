using GanKit.Display.Charts;

namespace GanKit.Display.Images;

/// <summary>
/// Pictures with labels, as Plotly charts: a gallery of panels (snapshots over training, real next to generated,
/// runs side by side) and a movie of frames (the fixed-noise samples as training goes on). Every picture in a
/// gallery is drawn at the same whole-pixel scale, so sizes compare.
/// </summary>
public static class ImageFigures
{
    /// <summary>Labelled image grids in rows of <paramref name="columns"/> panels, each drawn <paramref name="pixelScale"/>× its size.</summary>
    public static PlotlyChart Gallery(int columns, string? title, double pixelScale, params (string Label, ImageGrid Image)[] items) =>
        Gallery(columns, title, pixelScale, items.Select(item => Panel(item.Label, item.Image)).ToArray());

    /// <summary>Picture panels (<see cref="PlotlyCharts.ImagePanel"/>) in rows of <paramref name="columns"/>, the largest drawn <paramref name="pixelScale"/>× its size.</summary>
    public static PlotlyChart Gallery(int columns, string? title, double pixelScale, params ChartPanel[] panels)
    {
        if (panels.Length == 0 || panels.Any(p => !p.IsImage))
        {
            throw new ArgumentException("A gallery needs at least one panel, and every panel must hold a picture.", nameof(panels));
        }

        var (width, height) = ScaledSize(panels, pixelScale);
        return PlotlyCharts.Grid(columns, title, width, height, panels);
    }

    /// <summary>
    /// The frames as an animation: a slider and Play where the frontend runs plotly.js (the title names the frame
    /// shown), the last frame as the still image elsewhere; each frame drawn <paramref name="pixelScale"/>× its size.
    /// </summary>
    public static PlotlyChart Movie(string title, IEnumerable<(string Label, ImageGrid Image)> frames, double pixelScale = 3)
    {
        var panels = frames.Select(f => (f.Label, Panel: Panel(null, f.Image))).ToArray();
        if (panels.Length == 0)
        {
            throw new ArgumentException("A movie needs at least one frame.", nameof(frames));
        }

        var (width, height) = ScaledSize(panels.Select(p => p.Panel).ToArray(), pixelScale);
        return PlotlyCharts.Animation(title, panels, width, height);
    }

    private static ChartPanel Panel(string? label, ImageGrid image) => PlotlyCharts.ImagePanel(label, image.ToPngOrJpeg(), image.Width, image.Height);

    private static (int Width, int Height) ScaledSize(ChartPanel[] panels, double pixelScale)
    {
        if (!(pixelScale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelScale), pixelScale, "the pixel scale must be positive");
        }

        // An image panel's ranges span its pixels (see PlotlyCharts.ImagePanel).
        static double Span((double Min, double Max)? range) => range is { } r ? Math.Abs(r.Max - r.Min) : 0;
        return ((int)Math.Ceiling(panels.Max(p => Span(p.XRange)) * pixelScale), (int)Math.Ceiling(panels.Max(p => Span(p.YRange)) * pixelScale));
    }
}
