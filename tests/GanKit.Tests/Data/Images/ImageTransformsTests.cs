using GanKit.Data.Images;

namespace GanKit.Tests.Data.Images;

public sealed class ImageTransformsTests
{
    private static RgbImage Grey(int width, int height, Func<int, int, byte> value)
    {
        var pixels = new byte[3 * width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[3 * (y * width + x)] = pixels[3 * (y * width + x) + 1] = pixels[3 * (y * width + x) + 2] = value(x, y);
        return new RgbImage(width, height, pixels);
    }

    [Theory]
    [InlineData(97, 75, 64, 82, 64)]   // int(64 · 97 / 75) = int(82.77)
    [InlineData(75, 97, 64, 64, 82)]
    [InlineData(150, 90, 64, 106, 64)] // int(106.67)
    [InlineData(40, 52, 64, 64, 83)]   // upscaling: int(83.2)
    [InlineData(64, 64, 64, 64, 64)]
    [InlineData(300, 100, 32, 96, 32)]
    public void ResizedSizeScalesTheShorterSideAndTruncatesTheLonger(int width, int height, int size, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), ImageTransforms.ResizedSize(width, height, size));

    [Fact]
    public void ShrinkingAveragesOverTheScaledSupport()
    {
        // 4 → 2 pixels: each output mixes 3 inputs with triangle weights 0.75, 0.75, 0.25 (normalised: 3/7, 3/7, 1/7),
        // not the 2 inputs plain bilinear interpolation would take: (0·3 + 100·3 + 200) / 7 = 71.4 → 71, and
        // (100 + 200·3 + 255·3) / 7 = 209.3 → 209.
        byte[] row = [0, 100, 200, 255];
        var resized = ImageTransforms.Resize(Grey(4, 1, (x, _) => row[x]), 2, 1);
        Assert.Equal(new byte[] { 71, 71, 71, 209, 209, 209 }, resized.Pixels);
    }

    [Fact]
    public void AnUnchangedSizeLeavesThePixels()
    {
        var image = Grey(5, 3, (x, y) => (byte)(40 * x + y));
        Assert.Equal(image.Pixels, ImageTransforms.Resize(image, 5, 3).Pixels);
        Assert.Equal(image.Pixels, ImageTransforms.Resize(image, 3).Pixels);
    }

    [Theory]
    [InlineData(82, 9)]  // (82 − 64) / 2 = 9
    [InlineData(83, 10)] // round(9.5) = 10 (to even)
    [InlineData(85, 10)] // round(10.5) = 10 (to even), where rounding half up would give 11
    [InlineData(81, 8)]  // round(8.5) = 8
    public void CenterCropRoundsItsOffsetLikePython(int width, int left)
    {
        var image = Grey(width, 70, (x, y) => (byte)x);
        var cropped = ImageTransforms.CenterCrop(image, 64);
        Assert.Equal((64, 64), (cropped.Width, cropped.Height));
        Assert.Equal(left, cropped.Pixels[0]);
        // Rows: (70 − 64) / 2 = 3 from the top; column values stay those of the source.
        var tall = ImageTransforms.CenterCrop(Grey(64, 70, (x, y) => (byte)y), 64);
        Assert.Equal(3, tall.Pixels[0]);
        Assert.Equal(66, tall.Pixels[^1]);
    }

    [Fact]
    public void ACropLargerThanTheImageIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImageTransforms.CenterCrop(Grey(40, 80, (_, _) => 0), 64));
        Assert.Contains("64×64 crop does not fit in a 40×80 image", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageTransform(resizeSize: 64, cropSize: 65));
    }

    [Fact]
    public void ToTensorAndNormalizeMapEveryByteAsTorchvisionDoes()
    {
        var values = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var image = new RgbImage(256, 1, values.SelectMany(b => new[] { b, b, b }).ToArray());
        using var unit = ImageTransforms.ToTensor(image);
        Assert.Equal(new long[] { 3, 1, 256 }, unit.shape);
        using var normalised = ImageTransforms.Normalize(unit, ImageTransform.Mean, ImageTransform.Std);
        // float32 arithmetic as torchvision's: x / 255, then (x − 0.5) / 0.5.
        var expectedUnit = values.Select(b => b / 255f).ToArray();
        var expected = expectedUnit.Select(x => (x - 0.5f) / 0.5f).ToArray();
        using var red = unit[0];
        using var normalisedRed = normalised[0];
        Assert.Equal(expectedUnit, red.data<float>().ToArray());
        Assert.Equal(expected, normalisedRed.data<float>().ToArray());
        Assert.Equal(-1f, expected[0]);
        Assert.Equal(1f, expected[255]);
    }

    [Fact]
    public void NormalizeChecksItsArguments()
    {
        using var image = zeros(3, 4, 4);
        Assert.Contains("one mean and one std per channel", Assert.Throws<ArgumentException>(() => ImageTransforms.Normalize(image, [0.5f], [0.5f])).Message);
        Assert.Throws<ArgumentException>(() => ImageTransforms.Normalize(image, ImageTransform.Mean, [1f, 0f, 1f]));
        using var bytes = zeros(3, 4, 4, dtype: ScalarType.Byte);
        Assert.Throws<ArgumentException>(() => ImageTransforms.Normalize(bytes, ImageTransform.Mean, ImageTransform.Std));
        Assert.Throws<ArgumentException>(() => ImageTransforms.ToTensor(image));
    }

    [Fact]
    public void TheTransformChainsTheSteps()
    {
        var transform = new ImageTransform();
        var image = Grey(97, 75, (x, y) => (byte)(x * 2 + y));
        var stepwise = ImageTransforms.CenterCrop(ImageTransforms.Resize(image, 64), 64);
        Assert.Equal(stepwise.Pixels, transform.ResizeAndCrop(image).Pixels);
        using var tensor = transform.Apply(image);
        Assert.Equal(new long[] { 3, 64, 64 }, tensor.shape);
        using var unit = ImageTransforms.ToTensor(stepwise);
        using var expected = ImageTransforms.Normalize(unit, ImageTransform.Mean, ImageTransform.Std);
        Assert.Equal(expected.data<float>().ToArray(), tensor.data<float>().ToArray());
        Assert.Equal("Resize(64), CenterCrop(64), ToTensor, Normalize(0.5, 0.5)", transform.ToString());
    }
}
