using GanKit.Display.Charts;

namespace GanKit.Display.Images;

/// <summary>
/// Pictures with labels: a gallery of panels (snapshots over training, real next to generated, runs side by
/// side) and a movie of frames (the fixed-noise samples as training goes on). Each picture is drawn at the
/// same whole-pixel scale, so sizes compare.
/// </summary>
public static class ImageFigures
{
    /// <summary>Labelled image grids in rows of <paramref name="columns"/> panels, each drawn <paramref name="pixelScale"/>× its size.</summary>
    public static Figure Gallery(int columns, string? title, double pixelScale, params (string Label, ImageGrid Image)[] items) =>
        Gallery(columns, title, pixelScale, items.Select(item => new Chart(item.Label).Image(item.Image)).ToArray());

    /// <summary>Image panels (charts made with <see cref="Chart.Image(ImageGrid, string?)"/>) in rows of <paramref name="columns"/>.</summary>
    public static Figure Gallery(int columns, string? title, double pixelScale, params Chart[] panels)
    {
        if (panels.Length == 0 || panels.Any(p => !p.IsImage))
        {
            throw new ArgumentException("A gallery needs at least one panel, and every panel must hold an image.", nameof(panels));
        }

        if (!(pixelScale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelScale), pixelScale, "the pixel scale must be positive");
        }

        var images = panels.SelectMany(p => p.Series.OfType<ImageSeries>()).ToArray();
        return new Figure(columns, panels, title)
        {
            PanelWidth = (int)Math.Ceiling(images.Max(i => i.Width) * pixelScale) + 2 * SvgChartRenderer.ImageMargin,
            PanelHeight = (int)Math.Ceiling(images.Max(i => i.Height) * pixelScale) + 2 * SvgChartRenderer.ImageMargin + SvgChartRenderer.ImageTitleHeight,
        };
    }

    /// <summary>
    /// The frames as an animation: Plotly with a slider and Play where the frontend renders Plotly (the title
    /// names the frame shown), the last frame as a still picture elsewhere.
    /// </summary>
    public static Animation Movie(string title, IEnumerable<(string Label, ImageGrid Image)> frames)
    {
        var movie = new Animation(title);
        foreach (var (label, image) in frames)
        {
            movie.Add(label, new Chart().Image(image));
        }

        if (movie.Frames.Count == 0)
        {
            throw new ArgumentException("A movie needs at least one frame.", nameof(frames));
        }

        return movie;
    }
}
