using System.Security.Cryptography;
using GanKit.Data.Images;

namespace GanKit.Tests.Data.Images;

/// <summary>
/// Our decoding, resize, crop and normalisation against torchvision 0.14.1 + Pillow 9.4 on the fixture files
/// (goldens from make_image_goldens.py).
/// </summary>
public sealed class TorchvisionGoldenTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gankit-image-goldens-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>
    /// Largest allowed difference from torchvision, in 8-bit levels, per fixture. Lossless formats decode to the same
    /// pixels and our resampler is Pillow's, so they must match exactly. JPEG and lossy WebP are decoded by the
    /// libjpeg-turbo and libwebp bundled in Skia, not Debian's that PIL uses; both libraries decode bit-exactly by
    /// design (integer IDCT, fixed upsampling), and the measured difference was 0 levels for both JPEGs (4:2:0 colour,
    /// grey) and the lossy WebP, before and after resizing, so they are held to 0 as well.
    /// </summary>
    public static TheoryData<string, int> Tolerances => new()
    {
        { "lossless/gif_150x90.gif", 0 },
        { "lossless/grey_97x75.png", 0 },
        { "lossless/palette_40x52.png", 0 },
        { "lossless/rgb_64x64.bmp", 0 },
        { "lossless/rgb_97x75.png", 0 },
        { "lossless/rgba_150x90.png", 0 },
        { "lossless/webp_lossless_97x75.webp", 0 },
        { "lossy/grey_40x52.jpg", 0 },
        { "lossy/rgb_150x90.jpg", 0 },
        { "lossy/webp_lossy_97x75.webp", 0 },
    };

    private static GoldenImage Golden(string file) => ImageGoldens.Instance.Images.Single(i => i.File == file);

    [Theory]
    [MemberData(nameof(Tolerances))]
    public void ResizedAndCroppedPixelsMatchTorchvision(string file, int tolerance)
    {
        var golden = Golden(file);
        var decoded = ImageDecoder.Decode(ImageGoldens.FixturePath(golden));
        Assert.Equal((golden.Width, golden.Height), (decoded.Width, decoded.Height));
        var resized = ImageTransforms.Resize(decoded, ImageGoldens.Instance.Size);
        Assert.Equal((golden.ResizedWidth, golden.ResizedHeight), (resized.Width, resized.Height));
        var ours = ImageTransforms.CenterCrop(resized, ImageGoldens.Instance.Size).ToChannelsFirst();
        var expected = ImageGoldens.Instance.Pixels(golden);
        var largest = ours.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(largest <= tolerance, $"{file}: largest difference from torchvision {largest} levels, allowed {tolerance}");
    }

    /// <summary>Compositing onto a background is integer arithmetic in Pillow and here: exact for every format.</summary>
    [Theory]
    [MemberData(nameof(Tolerances))]
    public void CompositedOnWhiteMatchesPillowsAlphaComposite(string file, int tolerance)
    {
        _ = tolerance;
        var golden = Golden(file);
        var decoded = ImageDecoder.Decode(ImageGoldens.FixturePath(golden), RgbColor.White);
        var ours = new ImageTransform { Background = RgbColor.White }.ResizeAndCrop(decoded).ToChannelsFirst();
        Assert.Equal(ImageGoldens.Instance.PixelsOnWhite(golden), ours);
        // The transparent fixture is the one where it matters.
        if (file == "lossless/rgba_150x90.png") Assert.NotEqual(ImageGoldens.Instance.Pixels(golden), ours);
        else Assert.Equal(ImageGoldens.Instance.Pixels(golden), ours);
    }

    [Theory]
    [MemberData(nameof(Tolerances))]
    public void DatasetTensorsMatchTorchvisionsCompose(string file, int tolerance)
    {
        var folder = ImageGoldens.CopyFixtures(_temp);
        using var data = ImageFolder.Load(folder, cacheFolder: Path.Combine(_temp, "cache"));
        var index = data.Files.ToList().IndexOf(file);
        Assert.True(index >= 0, $"{file} is not in the dataset");
        var golden = Golden(file);
        using var image = data.Images[index];
        var values = image.data<float>().ToArray();
        if (tolerance == 0)
        {
            var bytes = values.SelectMany(BitConverter.GetBytes).ToArray();
            Assert.Equal(golden.FloatSha256, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
        }
        else
        {
            // One level is 2/255 after Normalize(0.5, 0.5).
            using var expected = ((torch.tensor(ImageGoldens.Instance.Pixels(golden), [3, 64, 64]).to_type(ScalarType.Float32) / 255) - 0.5) / 0.5;
            using var difference = (image - expected).abs().max();
            Assert.True(difference.item<float>() <= tolerance * 2f / 255 + 1e-6f);
        }
        Assert.Equal(golden.FloatSum, values.Sum(v => (double)v), tolerance == 0 ? 1e-9 : 3 * 64 * 64 * tolerance * 2.0 / 255);
    }
}
