using GanKit.Display.Images;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

public sealed class TensorImagesTests
{
    [Fact]
    public void A_batch_tensor_becomes_make_grids_layout_with_save_images_pixel_values()
    {
        // Two 1×2×3 grayscale images: values 0..5 and 6..11, scaled to [0, 1] by 1/11.
        using var images = arange(12, ScalarType.Float32).div(11).reshape(2, 1, 2, 3);

        var grid = TensorImages.Grid(images, new GridOptions { Nrow = 2, Padding = 1, Scale = 1 });

        // make_grid: width = 2·(3 + 1) + 1 = 9, height = 1·(2 + 1) + 1 = 4.
        Assert.Equal((9, 4, 1, 2), (grid.Width, grid.Height, grid.Channels, grid.Count));
        var pixels = grid.Pixels.ToArray();
        byte Expected(int value) => (byte)Math.Clamp(value / 11f * 255f + 0.5f, 0f, 255f);
        Assert.Equal(0, pixels[0]);                          // padding (PadValue 0)
        Assert.Equal(Expected(0), pixels[1 * 9 + 1]);        // image 0, row 0, column 0
        Assert.Equal(Expected(5), pixels[2 * 9 + 3]);        // image 0, row 1, column 2
        Assert.Equal(Expected(6), pixels[1 * 9 + 5]);        // image 1 starts after 1 + 3 + 1 pixels
        Assert.Equal(Expected(11), pixels[2 * 9 + 7]);
        var png = grid.ToPng();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
    }

    [Fact]
    public void Rgb_tensors_in_minus_one_to_one_normalise_with_a_value_range_and_single_images_take_chw()
    {
        // One 3×1×2 RGB image in [−1, 1] (tanh output): red = −1 / 1, green = 0 / 0, blue = 1 / −1.
        using var image = tensor(new float[] { -1, 1, 0, 0, 1, -1 }).reshape(3, 1, 2);

        var grid = TensorImages.Grid(image, new GridOptions { Normalize = true, ValueRange = (-1, 1), Scale = 2 });

        Assert.Equal((4, 2, 3, 1), (grid.Width, grid.Height, grid.Channels, grid.Count)); // one image: no padding, ×2
        var pixels = grid.Pixels.ToArray();
        Assert.Equal(new byte[] { 0, 128, 255 }, pixels[..3]);     // first pixel (R, G, B)
        Assert.Equal(new byte[] { 255, 128, 0 }, pixels[6..9]);    // second pixel, after the upscaled copy
    }

    [Fact]
    public void The_tensor_is_left_as_it_was_and_other_float_types_work()
    {
        using var images = ones(4, 1, 3, 3, ScalarType.Float64).mul(0.5);

        var grid = TensorImages.Grid(images, new GridOptions { Nrow = 2, Scale = 1 });

        Assert.Equal((2 * 5 + 2, 2 * 5 + 2), (grid.Width, grid.Height));
        Assert.Equal(ScalarType.Float64, images.dtype);
        Assert.Equal(128, grid.Pixels[2 * grid.Width + 2]);
        Assert.Throws<ArgumentException>(() => TensorImages.Grid(ones(new long[] { 2, 2, 2, 2, 2 })));
    }

    [Fact]
    public void A_mixed_grid_frames_exactly_the_generated_images()
    {
        torch.manual_seed(5);
        using var real = zeros(6, 1, 2, 2);
        using var generated = ones(4, 1, 2, 2);

        var (quiz, answer) = TensorImages.Mixed(real, generated, nrow: 5);

        Assert.Equal((1, 3), (quiz.Channels, answer.Channels));
        Assert.Equal(10, answer.Count);
        // Cells are 2 + 2 pixels wide before the grid is scaled up (by a whole factor) for display.
        var scale = answer.Width / (5 * 4 + 2);
        var pixels = answer.Pixels.ToArray();
        byte[] At(int x, int y) => pixels.AsSpan((y * scale * answer.Width + x * scale) * 3, 3).ToArray();
        var framed = 0;
        for (var cell = 0; cell < 10; cell++)
        {
            var (left, top) = (cell % 5 * 4 + 2, cell / 5 * 4 + 2);
            var isGenerated = At(left, top)[0] == 255; // generated images are white, real ones black
            var frame = At(left - 1, top - 1);
            Assert.Equal(isGenerated, frame.SequenceEqual(new byte[] { 230, 25, 25 }));
            framed += isGenerated ? 1 : 0;
        }

        Assert.Equal(4, framed);
        Assert.Throws<ArgumentException>(() => TensorImages.Mixed(real, ones(2, 3, 2, 2)));
    }

    [Fact]
    public void A_grid_becomes_a_chw_byte_tensor_with_its_exact_pixels()
    {
        using var images = arange(8, ScalarType.Float32).div(7).reshape(2, 1, 2, 2);
        var grid = TensorImages.Grid(images, new GridOptions { Nrow = 2, Padding = 1, Scale = 1, Outlined = [1] });

        using var pixels = TensorImages.ToTensor(grid);

        Assert.Equal(new long[] { 3, grid.Height, grid.Width }, pixels.shape);
        Assert.Equal(ScalarType.Byte, pixels.dtype);
        var expected = grid.Pixels.ToArray();
        Assert.Equal(expected[(2 * grid.Width + 5) * 3 + 1], pixels[1, 2, 5].item<byte>()); // green of pixel (5, 2)
        Assert.Equal(230, pixels[0, 0, 3].item<byte>()); // image 1's red frame
    }
}
