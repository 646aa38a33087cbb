using GanKit.Data;
using GanKit.Data.Images;

namespace GanKit.Tests.Data.Images;

public sealed class ImageDecoderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gankit-image-decoder-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Fixture(string file) => Path.Combine(ImageGoldens.Fixtures, file);

    [Fact]
    public void GreyIsRepeatedInTheThreeChannels()
    {
        foreach (var file in new[] { "lossless/grey_97x75.png", "lossy/grey_40x52.jpg" })
        {
            var image = ImageDecoder.Decode(Fixture(file));
            var pixels = image.Pixels;
            Assert.All(Enumerable.Range(0, image.Width * image.Height),
                i => Assert.True(pixels[3 * i] == pixels[3 * i + 1] && pixels[3 * i] == pixels[3 * i + 2], $"{file}: pixel {i} is not grey"));
            Assert.True(pixels.Distinct().Count() > 50, $"{file} decodes to too few grey levels");
        }
    }

    [Fact]
    public void AlphaIsDroppedNotComposited()
    {
        // The fixture's first 20 columns are fully transparent and rows 40–49 half transparent; PIL's convert('RGB')
        // keeps their colours, where compositing onto black would give 0 and 0.5 × colour.
        var rgba = ImageDecoder.Decode(Fixture("lossless/rgba_150x90.png"));
        Assert.Equal((150, 90), (rgba.Width, rgba.Height));
        // Blue varies around 128 (a sine pattern): in a transparent column it is there, not 0.
        var transparentColumn = Enumerable.Range(0, 90).Select(y => rgba.Pixels[3 * (y * 150 + 5) + 2]).ToArray();
        Assert.InRange(transparentColumn.Average(v => v), 60, 200);
        var halfTransparentRow = Enumerable.Range(0, 150).Select(x => rgba.Pixels[3 * (45 * 150 + x) + 1]).ToArray();
        var opaqueRow = Enumerable.Range(0, 150).Select(x => rgba.Pixels[3 * (35 * 150 + x) + 1]).ToArray();
        // Green is a vertical gradient: the half-transparent row is as bright as the rows above it, not halved.
        Assert.True(halfTransparentRow.Average(v => v) > opaqueRow.Average(v => v), "half-transparent pixels were darkened");
    }

    [Theory]
    [InlineData("lossy/broken/truncated.png", "truncated: the Png data ends before the 97×75 picture does")]
    [InlineData("lossy/broken/truncated.jpg", "truncated: the Jpeg data ends before the 97×75 picture does")]
    [InlineData("lossy/broken/text.png", "not an image (no JPEG, PNG, WebP, BMP or GIF data that Skia recognises)")]
    public void BadFilesFailWithAReason(string file, string reason)
    {
        Assert.False(ImageDecoder.TryDecode(Fixture(file), out var image, out var failure));
        Assert.Null(image);
        Assert.Equal(reason, failure);
        var error = Assert.Throws<DatasetFormatException>(() => ImageDecoder.Decode(Fixture(file)));
        Assert.Equal(Path.GetFullPath(Fixture(file)), error.FilePath);
        Assert.Equal(reason, error.Problem);
    }

    [Fact]
    public void EmptyAndMissingFilesFailWithAReason()
    {
        var empty = Path.Combine(_temp, "empty.jpg");
        File.WriteAllBytes(empty, []);
        Assert.False(ImageDecoder.TryDecode(empty, out _, out var failure));
        Assert.Equal("empty file", failure);
        Assert.False(ImageDecoder.TryDecode(Path.Combine(_temp, "missing.png"), out _, out failure));
        Assert.StartsWith("unreadable (", failure);
    }

    [Theory]
    [InlineData("a.JPG", true)]
    [InlineData("a.jpeg", true)]
    [InlineData("b.Png", true)]
    [InlineData("c.webp", true)]
    [InlineData("d.bmp", true)]
    [InlineData("e.GIF", true)]
    [InlineData("f.tiff", false)]
    [InlineData("g.png.txt", false)]
    [InlineData("png", false)]
    public void ExtensionsAreMatchedWithoutCase(string name, bool isImage) =>
        Assert.Equal(isImage, ImageDecoder.HasImageExtension(name));
}
