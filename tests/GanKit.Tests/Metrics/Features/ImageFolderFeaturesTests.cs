using System.Text.Json;
using GanKit.Data.Images;
using GanKit.Metrics.Features;

namespace GanKit.Tests.Metrics.Features;

/// <summary>
/// Folders of images through the extractors, against torchvision + Pillow (make_folder_fixtures.py): for the MNIST
/// classifier Grayscale, Resize(28), CenterCrop(28); for Inception Resize and CenterCrop in colour.
/// </summary>
[Collection(TrainedClassifierCollection.Name)]
public sealed class ImageFolderFeaturesTests(TrainedClassifierFixture fixture) : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Metrics", "Features");

    private readonly string _temp = Directory.CreateTempSubdirectory("gankit-folder-features-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Cache => Path.Combine(_temp, "cache");

    private sealed record Golden(string File, byte[] Grey28, byte[] Rgb16);

    private static readonly Lazy<IReadOnlyList<Golden>> Goldens = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "folder_goldens.json")));
        return document.RootElement.EnumerateArray().Select(g => new Golden(
            g.GetProperty("file").GetString()!,
            g.GetProperty("grey28").EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray(),
            g.GetProperty("rgb16").EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray())).ToList();
    });

    /// <summary>A copy of the fixture folder (the image-folder cache keys on the folder's path and files).</summary>
    private string Folder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "samples")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "folder"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>The goldens' bytes as the extractors take images: float32 byte / 255, [N, channels, size, size].</summary>
    private static Tensor Images(Func<Golden, byte[]> pixels, long channels, long size) =>
        tensor(Goldens.Value.SelectMany(pixels).Select(b => b / 255f).ToArray(), [Goldens.Value.Count, channels, size, size]);

    [Fact]
    public void TheGreyTransformGivesTorchvisionsGrayscaleResizeAndCropToTheByte()
    {
        using var data = ImageFolder.Load(Folder(), new ImageTransform(28, 28) { Grayscale = true }, Cache);
        Assert.Equal(Goldens.Value.Select(g => g.File), data.Files);
        // [−1, 1] back to bytes; the three channels are equal.
        using var bytes = data.Images.mul(127.5).add(127.5).round().to(ScalarType.Byte);
        using var red = bytes.narrow(1, 0, 1).contiguous();
        Assert.Equal(Goldens.Value.SelectMany(g => g.Grey28), red.data<byte>().ToArray());
        using var green = bytes.narrow(1, 1, 1);
        using var blue = bytes.narrow(1, 2, 1);
        Assert.True(red.Equals(green));
        Assert.True(red.Equals(blue));
    }

    [Fact]
    public void MnistFeaturesOfAFolderAreThoseOfItsGreyTwentyEightPixelImages()
    {
        using var fromFolder = ImageFolderFeatures.Load(Folder(), fixture.Features, cacheFolder: Cache);
        using var images = Images(g => g.Grey28, 1, 28);
        using var direct = fixture.Features.Extract(images);
        Assert.Equal([4L, 128], fromFolder.Features.shape);
        Assert.Equal(direct.Features.data<double>().ToArray(), fromFolder.Features.data<double>().ToArray());
        Assert.Equal(direct.Probabilities!.data<double>().ToArray(), fromFolder.Probabilities!.data<double>().ToArray());
    }

    [Fact]
    public void InceptionFeaturesOfAFolderAreThoseOfItsResizedColourImages()
    {
        using var inception = InceptionFeatures.Load(FakeInception.ModulePath);
        using var fromFolder = ImageFolderFeatures.Load(Folder(), inception, new ImageTransform(16, 16), Cache);
        using var images = Images(g => g.Rgb16, 3, 16);
        using var direct = inception.Extract(images);
        Assert.Equal(direct.Features.data<double>().ToArray(), fromFolder.Features.data<double>().ToArray());
        Assert.Equal(direct.Probabilities!.data<double>().ToArray(), fromFolder.Probabilities!.data<double>().ToArray());
    }

    [Fact]
    public void EachExtractorGetsItsOwnTransformAndOthersMustBeGivenOne()
    {
        var folder = Folder();
        using var inception = InceptionFeatures.Load(FakeInception.ModulePath, withProbabilities: false);
        // Inception: the first file's size (a_grey_28x28.png), left for the network to resize.
        Assert.Equal(new ImageTransform(28, 28), ImageFolderFeatures.TransformFor(inception, folder));
        Assert.Equal(new ImageTransform(16, 16), ImageFolderFeatures.TransformFor(inception, folder, new ImageTransform(16, 16)));
        using (var own = ImageFolderFeatures.Load(folder, inception, cacheFolder: Cache)) Assert.Equal([4L, 8], own.Features.shape);
        Assert.Equal(new ImageTransform(28, 28) { Grayscale = true }, ImageFolderFeatures.TransformFor(fixture.Features, folder));
        // The MNIST classifier's input is grey whatever transform is given.
        Assert.Equal(new ImageTransform(32, 28) { Grayscale = true }, ImageFolderFeatures.TransformFor(fixture.Features, folder, new ImageTransform(32, 28)));
        var other = new OtherExtractor();
        Assert.Contains("pass an ImageTransform", Assert.Throws<ArgumentException>(() => ImageFolderFeatures.Load(folder, other, cacheFolder: Cache)).Message);
        Assert.Equal(new ImageTransform(8, 8), ImageFolderFeatures.TransformFor(other, folder, new ImageTransform(8, 8)));
    }

    [Fact]
    public void GreyscaleIsPillowsLumaAndLeavesGreyAlone()
    {
        var colours = new RgbImage(4, 1, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 30]);
        // Pillow 9.4: Image.new('RGB', …).convert('L') gives 76, 150, 29 and 124 for these.
        Assert.Equal(new byte[] { 76, 76, 76, 150, 150, 150, 29, 29, 29, 124, 124, 124 }, ImageTransforms.Grayscale(colours).Pixels);
        var grey = new RgbImage(2, 1, [0, 0, 0, 201, 201, 201]);
        Assert.Equal(grey.Pixels, ImageTransforms.Grayscale(grey).Pixels);
        Assert.Contains("Grayscale", new ImageTransform(28, 28) { Grayscale = true }.ToString());
    }

    private sealed class OtherExtractor : IFeatureExtractor
    {
        public string Name => "another extractor";

        public long FeatureDim => 1;

        public ExtractedFeatures Extract(Tensor images, int batchSize = 500) => new(images.mean([1L, 2, 3]).unsqueeze(1).to(ScalarType.Float64), null);
    }
}
