using System.Text.Json;
using System.Xml.Linq;
using GanKit.Display.Charts;
using GanKit.Display.Formatting;
using GanKit.Display.Images;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Display;

public sealed class ImageFigureTests
{
    // Four black 2×2 images, 2 per row, with one pixel of white padding.
    private static ImageGrid FourBlack(GridOptions options) =>
        ImageGrid.FromPixels(new float[4 * 4], 4, 1, 2, 2, options with { Nrow = 2, Padding = 1, PadValue = 1, Scale = 1 });

    [Fact]
    public void Outlined_images_get_a_frame_in_the_outline_colour_and_the_rest_keeps_the_padding()
    {
        var image = PngDecoder.Decode(FourBlack(new GridOptions { Outlined = [1] }).ToPng());

        // 2 columns × (2 + 1) + 1 = 7 pixels each way; image 1 sits at x 4..5, y 1..2, its frame at x 3..6, y 0..3.
        Assert.Equal((7, 7, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal([230, 25, 25], image.Pixel(3, 0));
        Assert.Equal([230, 25, 25], image.Pixel(6, 3));
        Assert.Equal([230, 25, 25], image.Pixel(3, 2)); // the padding shared with image 0 is image 1's frame
        Assert.Equal([0, 0, 0], image.Pixel(4, 1)); // inside image 1: untouched
        Assert.Equal([255, 255, 255], image.Pixel(0, 0)); // image 0's own corner: padding
        Assert.Equal([255, 255, 255], image.Pixel(0, 6)); // image 2's corner, below
        Assert.Equal([0, 0, 0], image.Pixel(1, 4)); // inside image 2
    }

    [Fact]
    public void Outlines_need_padding_and_indices_in_the_batch()
    {
        Assert.Contains("not in the batch of 4", Assert.Throws<ArgumentException>(() => FourBlack(new GridOptions { Outlined = [4] })).Message);
        Assert.Throws<ArgumentException>(() => ImageGrid.FromPixels(new float[16], 4, 1, 2, 2, new GridOptions { Padding = 0, Outlined = [0] }));
    }

    [Fact]
    public void An_image_panel_draws_its_png_without_axes_in_svg_and_as_a_plotly_image_trace()
    {
        var grid = FourBlack(new GridOptions());
        var figure = ImageFigures.Gallery(2, "Samples", 3, ("step 0", grid), ("step 500", grid));

        var svg = XDocument.Parse(figure.RenderToString(Mime.Svg));
        var images = svg.Descendants().Where(e => e.Name.LocalName == "image").ToArray();
        Assert.Equal(2, images.Length);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(grid.ToPng()), images[0].Attribute("href")!.Value);
        Assert.Equal("21", images[0].Attribute("width")!.Value); // 7 pixels × 3
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value).ToArray();
        Assert.Equal(["Samples", "step 0", "step 500"], texts); // titles only: no tick labels
        Assert.Equal((2 * (21 + 12), 21 + 12 + 28 + 32), (figure.Columns * figure.PanelWidth, figure.Rows * figure.PanelHeight + 32));

        using var json = JsonDocument.Parse(figure.ToPlotly().Json);
        var trace = json.RootElement.GetProperty("data")[1];
        Assert.Equal("image", trace.GetProperty("type").GetString());
        Assert.Equal("x2", trace.GetProperty("xaxis").GetString());
        Assert.False(json.RootElement.GetProperty("layout").GetProperty("yaxis2").GetProperty("visible").GetBoolean());
    }

    [Fact]
    public void A_movie_has_one_image_frame_per_snapshot_and_each_frame_title_names_it()
    {
        var frames = new[] { 0, 500, 1000 }.Select(step => ($"step {step}", FourBlack(new GridOptions { Outlined = step == 500 ? [0] : null }))).ToArray();
        var movie = ImageFigures.Movie("Fixed noise", frames);

        using var json = JsonDocument.Parse(movie.RenderToString(Mime.PlotlyJson));
        var root = json.RootElement;
        Assert.Equal("Fixed noise — step 0", root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        var rendered = root.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(["Fixed noise — step 0", "Fixed noise — step 500", "Fixed noise — step 1000"],
            rendered.Select(f => f.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()));
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(frames[1].Item2.ToPng()),
            rendered[1].GetProperty("data")[0].GetProperty("source").GetString());
        Assert.Throws<ArgumentException>(() => ImageFigures.Movie("empty", []));
    }

    [Fact]
    public void A_gallery_refuses_panels_without_an_image()
    {
        Assert.Throws<ArgumentException>(() => ImageFigures.Gallery(2, null, 1, new Chart("curve").Line([1, 2])));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFigures.Gallery(2, null, 0, ("a", FourBlack(new GridOptions()))));
    }
}
