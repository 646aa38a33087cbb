using System.Text.Json;
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
    public void Noisy_colour_pictures_go_into_charts_as_JPEG_and_grey_or_flat_ones_as_PNG()
    {
        // 16 colour images of seeded noise (what an untrained generator draws): PNG cannot compress them.
        var random = new Random(3);
        var noise = Enumerable.Range(0, 16 * 3 * 32 * 32).Select(_ => (float)random.NextDouble()).ToArray();
        var noisy = ImageGrid.FromPixels(noise, 16, 3, 32, 32, new GridOptions { Nrow = 4, Scale = 1 });
        var jpeg = noisy.ToPngOrJpeg();
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        Assert.True(jpeg.Length * 3 <= noisy.ToPng().Length * 2);
        var gallery = ImageFigures.Gallery(1, null, 1, ("noise", noisy));
        using (var json = JsonDocument.Parse(gallery.Json))
        {
            Assert.StartsWith("data:image/jpeg;base64,", json.RootElement.GetProperty("data")[0].GetProperty("source").GetString());
        }

        // Grey pictures, and colour ones PNG compresses well, stay lossless.
        var grey = FourBlack(new GridOptions());
        Assert.Equal(grey.ToPng(), grey.ToPngOrJpeg());
        var flat = ImageGrid.FromPixels(new float[16 * 3 * 32 * 32], 16, 3, 32, 32, new GridOptions { Nrow = 4, Scale = 1 });
        Assert.Equal(flat.ToPng(), flat.ToPngOrJpeg());
        Assert.Contains("PNG or JPEG", Assert.Throws<ArgumentException>(() => PlotlyCharts.Image([1, 2, 3, 4])).Message);
    }

    [Fact]
    public void Outlines_need_padding_and_indices_in_the_batch()
    {
        Assert.Contains("not in the batch of 4", Assert.Throws<ArgumentException>(() => FourBlack(new GridOptions { Outlined = [4] })).Message);
        Assert.Throws<ArgumentException>(() => ImageGrid.FromPixels(new float[16], 4, 1, 2, 2, new GridOptions { Padding = 0, Outlined = [0] }));
    }

    [Fact]
    public void A_gallery_lays_each_picture_out_at_its_scale_under_its_title_without_axes()
    {
        var grid = FourBlack(new GridOptions());
        var figure = ImageFigures.Gallery(2, "Samples", 3, ("step 0", grid), ("step 500", grid));

        using var json = JsonDocument.Parse(figure.Json);
        var root = json.RootElement;
        var trace = root.GetProperty("data")[1];
        Assert.Equal("image", trace.GetProperty("type").GetString());
        Assert.Equal("x2", trace.GetProperty("xaxis").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(grid.ToPng()), trace.GetProperty("source").GetString());
        var layout = root.GetProperty("layout");
        Assert.False(layout.GetProperty("yaxis2").GetProperty("visible").GetBoolean());
        Assert.Equal("x2", layout.GetProperty("yaxis2").GetProperty("scaleanchor").GetString()); // square pixels
        Assert.Equal(["step 0", "step 500"], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));

        // Each 7-pixel picture takes 21 screen pixels: its x domain is 21 of the plot's 2 × 21 + 12 (gap) pixels.
        var domain = layout.GetProperty("xaxis2").GetProperty("domain").EnumerateArray().Select(d => d.GetDouble()).ToArray();
        Assert.Equal(21.0 / 54, domain[1] - domain[0], 9);
        // The title "Samples" wants about 7 × 9 + 20 = 83 pixels, more than the pictures' 54: they are centred.
        Assert.Equal(14 + 54 + 14, layout.GetProperty("width").GetInt32());
        Assert.Equal(14, layout.GetProperty("margin").GetProperty("l").GetInt32());
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
        Assert.Throws<ArgumentException>(() => ImageFigures.Gallery(2, null, 1, new ChartPanel("curve", null, null, [PlotlyCharts.Line([0, 1], [1, 2])])));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFigures.Gallery(2, null, 0, ("a", FourBlack(new GridOptions()))));
    }
}
