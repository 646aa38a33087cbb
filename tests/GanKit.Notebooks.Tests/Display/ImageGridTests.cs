using GanKit.Display.Formatting;
using GanKit.Display.Images;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Display;

public sealed class ImageGridTests
{
    private static PngDecoder.Image Decode(ImageGrid grid) => PngDecoder.Decode(grid.ToPng());

    [Fact]
    public void Two_gray_images_tile_with_padding_like_make_grid()
    {
        // Two 2×2 images: [0, 0.5; 1, 0.25] and all ones.
        float[] pixels = [0f, 0.5f, 1f, 0.25f, 1f, 1f, 1f, 1f];

        var image = Decode(ImageGrid.FromPixels(pixels, 2, 1, 2, 2, new GridOptions { Padding = 1, PadValue = 0.2f, Scale = 1 }));

        // Width: 2 columns × (2 + 1) + 1 = 7; height: 1 row × 3 + 1 = 4.
        Assert.Equal((7, 4, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal([51], image.Pixel(0, 0)); // 0.2 × 255 + 0.5 → 51
        Assert.Equal([0], image.Pixel(1, 1));
        Assert.Equal([128], image.Pixel(2, 1)); // 0.5 × 255 + 0.5 = 128
        Assert.Equal([255], image.Pixel(1, 2));
        Assert.Equal([64], image.Pixel(2, 2)); // 0.25 × 255 + 0.5 = 64.25
        Assert.Equal([51], image.Pixel(3, 1)); // padding between the images
        Assert.Equal([255], image.Pixel(4, 1));
    }

    [Fact]
    public void Nrow_sets_images_per_row_and_leftover_cells_keep_the_pad_value()
    {
        var image = Decode(ImageGrid.FromPixels(new float[5 * 4], 5, 1, 2, 2, new GridOptions { Nrow = 2, Padding = 2, PadValue = 1, Scale = 1 }));

        Assert.Equal((2 * 4 + 2, 3 * 4 + 2), (image.Width, image.Height));
        Assert.Equal([255], image.Pixel(7, 11)); // where a sixth image would go
        Assert.Equal([0], image.Pixel(2, 10)); // the fifth image
    }

    [Fact]
    public void A_single_image_is_not_padded()
    {
        var image = Decode(ImageGrid.FromPixels(new float[9], 1, 1, 3, 3, new GridOptions { Padding = 5, Scale = 1 }));

        Assert.Equal((3, 3), (image.Width, image.Height));
    }

    [Fact]
    public void Normalize_with_a_value_range_maps_it_to_black_and_white_and_clamps()
    {
        float[] pixels = [-1f, 0f, 1f, 3f];

        var image = Decode(ImageGrid.FromPixels(pixels, 1, 1, 1, 4, new GridOptions { Normalize = true, ValueRange = (-1, 1), Scale = 1 }));

        Assert.Equal([0, 128, 255, 255], image.Pixels);
    }

    [Fact]
    public void Normalize_without_a_range_uses_the_batch_min_and_max_unless_scale_each()
    {
        float[] pixels = [0f, 2f, 2f, 4f]; // two 1×2 images
        var batch = Decode(ImageGrid.FromPixels(pixels, 2, 1, 1, 2, new GridOptions { Normalize = true, Padding = 0, Scale = 1 }));
        var each = Decode(ImageGrid.FromPixels(pixels, 2, 1, 1, 2, new GridOptions { Normalize = true, ScaleEach = true, Padding = 0, Scale = 1 }));

        Assert.Equal([0, 128, 128, 255], batch.Pixels);
        Assert.Equal([0, 255, 0, 255], each.Pixels);
    }

    [Fact]
    public void Rgb_channels_interleave_into_an_rgb_png()
    {
        float[] planes = [1f, 0f, 0f, 1f, 0f, 0f]; // one 1×2 image: R = [1, 0], G = [0, 1], B = [0, 0]

        var image = Decode(ImageGrid.FromPixels(planes, 1, 3, 1, 2, new GridOptions { Scale = 1 }));

        Assert.Equal(3, image.Channels);
        Assert.Equal([255, 0, 0], image.Pixel(0, 0));
        Assert.Equal([0, 255, 0], image.Pixel(1, 0));
    }

    [Fact]
    public void Small_images_are_scaled_up_by_whole_pixels()
    {
        float[] pixels = [0f, 1f];

        var grid = ImageGrid.FromPixels(pixels, 1, 1, 1, 2, new GridOptions { Scale = 3 });
        var image = Decode(grid);

        Assert.Equal((6, 3), (image.Width, image.Height));
        Assert.Equal([0, 0, 0, 255, 255, 255], image.Pixels.AsSpan(0, 6).ToArray());
        Assert.Equal(4, Decode(ImageGrid.FromPixels(new float[16 * 16], 1, 1, 16, 16)).Width / 16); // auto: at least 64 px
    }

    [Theory]
    [InlineData(2, 1, 2, 2, 7)] // wrong length
    [InlineData(1, 2, 2, 2, 8)] // two channels
    [InlineData(0, 1, 2, 2, 0)] // no images
    public void Inconsistent_shapes_are_rejected(int n, int c, int h, int w, int length) =>
        Assert.Throws<ArgumentException>(() => ImageGrid.FromPixels(new float[length], n, c, h, w));

    [Fact]
    public void The_grid_renders_as_base64_png_and_text()
    {
        var grid = ImageGrid.FromPixels(new float[4], 1, 1, 2, 2, new GridOptions { Scale = 1 }, caption: "epoch 3");

        Assert.Equal([Mime.Png, Mime.PlainText], grid.MimeTypes);
        Assert.Equal(grid.ToPng(), Convert.FromBase64String(grid.RenderToString(Mime.Png)));
        Assert.Equal("epoch 3: 1 grayscale image(s), 2×2 px grid", grid.RenderToString(Mime.PlainText));
    }
}
