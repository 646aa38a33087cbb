namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>
/// add_img as TorchSharp behaves: dataformats CHW/HWC/HW (any order of the letters) and NCHW batches as
/// a grid of up to 8 columns; uint8 and int8 taken as 0–255, other types multiplied by 255, clipped,
/// truncated. Each PNG is decoded by the test's own decoder and compared pixel for pixel with values
/// computed here from the input arrays.
/// </summary>
public sealed class ImageSummaryTests : IDisposable
{
    private readonly TensorboardRun _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>What a float becomes: ×255 in float32, clipped to [0, 255], truncated.</summary>
    private static byte FromUnit(float v) => (byte)Math.Clamp(v * 255f, 0f, 255f);

    /// <summary>Values in [−0.2, 1.2], so clipping at both ends and truncation are exercised, with a few exact cases first.</summary>
    private static float[] UnitValues(int count, int seed)
    {
        var random = new Random(seed);
        float[] fixedValues = [0f, 1f, 0.5f, -0.1f, 1.2f, 0.999f, 0.0019f, 0.25f];
        return Enumerable.Range(0, count).Select(i => i < fixedValues.Length ? fixedValues[i] : (float)(random.NextDouble() * 1.4 - 0.2)).ToArray();
    }

    private int _writers;

    /// <summary>The one image a new writer (in a folder of its own) wrote.</summary>
    private TbImage WriteOne(Action<TorchSharp.Modules.SummaryWriter> add)
    {
        var folder = Path.Combine(_run.Folder, $"writer{++_writers}");
        var writer = torch.utils.tensorboard.SummaryWriter(folder);
        add(writer);
        var e = Assert.Single(TensorboardRun.SummaryEvents(folder));
        var v = TensorboardRun.SingleValue(e);
        Assert.Equal("img", v.Tag);
        Assert.Null(v.SimpleValue);
        return v.Image!;
    }

    /// <summary>
    /// Checks the Image message against the PNG inside it and returns the decoded pixels. The colorspace field is
    /// checked apart, in <see cref="TheColorspaceNamesThePngsChannels"/>: TorchSharp writes 4 whatever the PNG holds.
    /// </summary>
    private static PngDecoder.Image Decode(TbImage image, int height, int width, int colorspace)
    {
        Assert.Equal((height, width), (image.Height, image.Width));
        var png = PngDecoder.Decode(image.Encoded);
        Assert.Equal((width, height), (png.Width, png.Height));
        Assert.Equal(colorspace == 3 ? 2 : 6, png.ColorType); // PNG colour type RGB or RGBA
        return png;
    }

    [TorchSharpDiffersFact("an image's colorspace field is always 4 (RGBA), also for an RGB PNG; PyTorch's make_image "
        + "writes the PNG's channel count (3 for RGB, 4 for RGBA)")]
    public void TheColorspaceNamesThePngsChannels()
    {
        Assert.Equal(3, WriteOne(w => w.add_img("img", torch.zeros(3, 2, 2), 0)).Colorspace);
        Assert.Equal(4, WriteOne(w => w.add_img("img", torch.zeros(2, 2, 4, ScalarType.Byte), 0, dataformats: "HWC")).Colorspace);
    }

    [Fact]
    public void FloatChwIsScaledClippedAndTruncated()
    {
        var data = UnitValues(3 * 2 * 4, 1);
        var image = WriteOne(w => w.add_img("img", torch.tensor(data, [3, 2, 4]), 2, walltime: 5));
        var png = Decode(image, height: 2, width: 4, colorspace: 3);
        for (var y = 0; y < 2; y++)
            for (var x = 0; x < 4; x++)
                Assert.Equal([FromUnit(data[0 * 8 + y * 4 + x]), FromUnit(data[1 * 8 + y * 4 + x]), FromUnit(data[2 * 8 + y * 4 + x])], png.Pixel(x, y));
        Assert.Equal([0, 255, 127, 0, 255, 254, 0, 63], data.Take(8).Select(FromUnit).Select(b => (int)b)); // the fixed cases, by hand
    }

    [Fact]
    public void Uint8HwcIsTakenAsItIs()
    {
        var data = Enumerable.Range(0, 2 * 3 * 3).Select(i => (byte)(i * 14 + 3)).ToArray();
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(data, [2, 3, 3]), 0, dataformats: "HWC")), 2, 3, 3);
        Assert.Equal(data, png.Pixels);
    }

    [Theory]
    [InlineData("HW")]
    [InlineData("WH")]
    [InlineData("hw")]
    public void TwoDimensionsAreGreyInTheNamedOrder(string dataformats)
    {
        var data = UnitValues(3 * 2, 2);
        var transposed = dataformats.ToUpperInvariant() == "WH";
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(data, [3, 2]), 0, dataformats: dataformats)),
            height: transposed ? 2 : 3, width: transposed ? 3 : 2, colorspace: 3);
        for (var y = 0; y < png.Height; y++)
            for (var x = 0; x < png.Width; x++) {
                var grey = FromUnit(transposed ? data[x * 2 + y] : data[y * 2 + x]);
                Assert.Equal([grey, grey, grey], png.Pixel(x, y));
            }
    }

    [Fact]
    public void OneChannelChwIsGrey()
    {
        var data = UnitValues(2 * 2, 3);
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(data, [1, 2, 2]), 0)), 2, 2, 3);
        for (var i = 0; i < 4; i++) Assert.Equal([FromUnit(data[i]), FromUnit(data[i]), FromUnit(data[i])], png.Pixel(i % 2, i / 2));
    }

    [Fact]
    public void ABatchOfTenIsAGridOfEightColumnsFilledRowByRowWithBlackCellsLeft()
    {
        const int n = 10, c = 3, h = 2, w = 2;
        var data = UnitValues(n * c * h * w, 4);
        var png = Decode(WriteOne(wr => wr.add_img("img", torch.tensor(data, [n, c, h, w]), 0, dataformats: "NCHW")), height: 2 * h, width: 8 * w, colorspace: 3);
        for (var y = 0; y < png.Height; y++)
            for (var x = 0; x < png.Width; x++) {
                var index = y / h * 8 + x / w;
                var expected = index < n
                    ? Enumerable.Range(0, c).Select(ch => FromUnit(data[((index * c + ch) * h + y % h) * w + x % w])).ToArray()
                    : new byte[3];
                Assert.Equal(expected, png.Pixel(x, y));
            }
    }

    [Fact]
    public void ABatchInNhwcOrderIsAGridToo()
    {
        var data = Enumerable.Range(0, 2 * 1 * 2 * 3).Select(i => (byte)(i * 20)).ToArray();
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(data, [2, 1, 2, 3]), 0, dataformats: "NHWC")), height: 1, width: 4, colorspace: 3);
        Assert.Equal(data, png.Pixels); // two 1×2 images side by side: the same bytes in the same order
    }

    [TorchSharpDiffersFact("a batch of one-channel images fails in its make_grid (libtorch: 'expand(CPUByteType{[3, 1, "
        + "1, 2]}, size=[-1, 3]): the number of sizes provided (2) must be greater or equal to the number of dimensions'); "
        + "PyTorch's make_grid repeats the channel to grey")]
    public void ABatchOfOneChannelImagesIsAGreyGrid()
    {
        var data = new byte[] { 10, 20, 30, 40, 50, 60 };
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(data, [3, 1, 1, 2]), 0, dataformats: "NCHW")), height: 1, width: 6, colorspace: 3);
        Assert.Equal(data.SelectMany(g => new[] { g, g, g }), png.Pixels);
    }

    [TorchSharpDiffersFact("an RGBA tensor's alpha is dropped (its bitmap is made with SKAlphaType.Opaque, so Skia "
        + "writes an RGB PNG); PyTorch keeps the alpha channel")]
    public void RgbaKeepsItsAlpha()
    {
        var data = Enumerable.Range(0, 2 * 2 * 4).Select(i => (byte)(255 - i * 9)).ToArray();
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(data, [2, 2, 4]), 0, dataformats: "HWC")), 2, 2, 4);
        Assert.Equal(data, png.Pixels);
    }

    [Fact]
    public void Int8IsTakenAsItIsAndOtherIntegerTypesAreMultipliedBy255AsInTorchSharp()
    {
        var png = Decode(WriteOne(w => w.add_img("img", torch.tensor(new sbyte[] { -5, 0, 7, 127 }, [1, 2, 2]), 0)), 2, 2, 3);
        Assert.Equal([0, 0, 7, 127], Enumerable.Range(0, 4).Select(i => (int)png.Pixel(i % 2, i / 2)[0]));

        var longs = Decode(WriteOne(w => w.add_img("img", torch.tensor(new long[] { 0, 1, 2, -1 }, [1, 2, 2]), 1)), 2, 2, 3);
        Assert.Equal([0, 255, 255, 0], Enumerable.Range(0, 4).Select(i => (int)longs.Pixel(i % 2, i / 2)[0]));
    }

    [Fact]
    public void AnRgbImageFileIsStoredAsAPngOfTheSamePixels()
    {
        var rgb = Enumerable.Range(0, 3 * 2 * 3).Select(i => (byte)(i * 13)).ToArray();
        var image = FromFile(torch.tensor(rgb, [3, 2, 3]));
        Assert.Equal(rgb, Decode(image, height: 3, width: 2, colorspace: 3).Pixels);
    }

    [TorchSharpDiffersFact("an RGBA image file's alpha is dropped (the PNG it stores is RGB); PyTorch keeps it")]
    public void AnRgbaImageFileIsStoredAsAPngOfTheSamePixels()
    {
        var rgba = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(250 - i * 7)).ToArray();
        var image = FromFile(torch.tensor(rgba, [2, 3, 4]));
        Assert.Equal(rgba, Decode(image, height: 2, width: 3, colorspace: 4).Pixels);
    }

    /// <summary>Writes an HWC tensor as an image, saves that PNG as a file, and adds the file as an image.</summary>
    private TbImage FromFile(Tensor hwc)
    {
        var png = WriteOne(w => w.add_img("img", hwc, 0, dataformats: "HWC")).Encoded;
        var file = Path.Combine(_run.Folder, $"image{_writers}.png");
        File.WriteAllBytes(file, png);
        return WriteOne(w => w.add_img("img", file, 1, walltime: 3));
    }

    [TorchSharpDiffersFact("a tensor that does not fit dataformats is checked with Debug.Assert (so not at all in a "
        + "release build, a failed assertion under a debugger or test host); PyTorch's convert_to_HWC raises "
        + "AssertionError 'size of input tensor and input format are different'")]
    public void BadImagesAreRefusedWithAClearMessage()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        var format = Assert.Throws<ArgumentException>(() => writer.add_img("img", torch.zeros(4, 4), 0));
        Assert.Equal("dataformats", format.ParamName);
        Assert.Contains("[4, 4]", format.Message);
        Assert.Equal("dataformats", Assert.Throws<ArgumentException>(() => writer.add_img("img", torch.zeros(3, 4, 4), 0, dataformats: "CHX")).ParamName);
        Assert.Equal("dataformats", Assert.Throws<ArgumentException>(() => writer.add_img("img", torch.zeros(3, 4, 4), 0, dataformats: "CHH")).ParamName);
        var channels = Assert.Throws<ArgumentException>(() => writer.add_img("img", torch.zeros(2, 4, 4), 0));
        Assert.Contains("has 2", channels.Message);

        var missing = Path.Combine(_run.Folder, "missing.png");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => writer.add_img("img", missing, 0)).Message);
        var notAnImage = Path.Combine(_run.Folder, "notes.txt");
        File.WriteAllText(notAnImage, "not an image");
        Assert.Contains(notAnImage, Assert.Throws<ArgumentException>(() => writer.add_img("img", notAnImage, 0)).Message);

        // Nothing was written by the refused calls.
        Assert.Empty(TensorboardRun.SummaryEvents(_run.Folder));
    }
}
