using GanKit.Data;
using GanKit.Data.Images;
using GanKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// The features of a folder of images (generated samples saved as files, or a real dataset), for metrics on folders.
/// The folder is read by <see cref="ImageFolder.Load"/> (any layout it reads, files decoded once and cached), with the
/// image transform the extractor needs:
/// <list type="bullet">
/// <item><see cref="MnistFeatures"/>: grey 1×28×28, as torchvision's <c>Compose([Grayscale(), Resize(28),
/// CenterCrop(28), ToTensor()])</c> on PIL images: Pillow's <c>convert('L')</c> luma, then Pillow's antialiased
/// bilinear resize of the shorter side to 28 and the middle 28×28 (<see cref="ImageTransform.Grayscale"/>);
/// 28×28 grey files pass unchanged;</item>
/// <item><see cref="InceptionFeatures"/>: colour, at the size of the folder's first image (the square of its shorter
/// side: other sizes are resized to it, non-square images center-cropped), which the network then resizes to 299×299
/// itself with TF1-style bilinear, as StyleGAN2-ADA's metrics feed it a dataset's images; this also keeps a folder of
/// small images small in memory;</item>
/// <item>any other extractor: the transform given, colour 3×S×S.</item>
/// </list>
/// </summary>
public static class ImageFolderFeatures
{
    /// <summary>The features of every image in <paramref name="folder"/>, in the folder's order.</summary>
    /// <param name="transform">Resize and crop; null: the extractor's own (above). With <see cref="MnistFeatures"/> the
    /// images are always made grey.</param>
    /// <param name="cacheFolder">The data cache, where decoded folders are kept; null: <see cref="DataCache.Locate"/>.</param>
    /// <exception cref="DatasetNotFoundException">The folder is missing or holds no image that decodes.</exception>
    /// <exception cref="ArgumentException">No transform is given for an extractor other than GanKit's two.</exception>
    public static ExtractedFeatures Load(string folder, IFeatureExtractor extractor, ImageTransform? transform = null, string? cacheFolder = null, int batchSize = 500)
    {
        var grey = extractor is MnistFeatures;
        transform = TransformFor(extractor, folder, transform);
        using var data = ImageFolder.Load(folder, transform, cacheFolder);
        using var scope = NewDisposeScope();
        // The folder's images are [−1, 1], exact maps of bytes; the extractors take [0, 1]: byte / 255, as ToTensor gives.
        // A grey image has three equal channels: keep one.
        var images = data.Images.mul(127.5).add_(127.5).round_().div_(255);
        if (grey) images = images.narrow(1, 0, 1);
        var extracted = extractor.Extract(images, batchSize);
        extracted.Features.MoveToOuterDisposeScope();
        extracted.Probabilities?.MoveToOuterDisposeScope();
        return extracted;
    }

    /// <summary>The transform <see cref="Load"/> uses for <paramref name="extractor"/> and <paramref name="folder"/> when given <paramref name="transform"/> (null: the default).</summary>
    public static ImageTransform TransformFor(IFeatureExtractor extractor, string folder, ImageTransform? transform = null) => extractor switch
    {
        MnistFeatures => (transform ?? new ImageTransform(MnistClassifier.ImageSize, MnistClassifier.ImageSize)) with { Grayscale = true },
        InceptionFeatures => transform ?? FirstImageSize(folder),
        _ => transform ?? throw new ArgumentException(
            $"say which size to bring the images to for {extractor.Name}: pass an ImageTransform (GanKit's MNIST and Inception extractors have their own)", nameof(transform)),
    };

    /// <summary>The square of the shorter side of the folder's first image that decodes (299 when none does: loading then says why).</summary>
    private static ImageTransform FirstImageSize(string folder)
    {
        var scan = ImageFolderScan.Scan(folder);
        for (var file = 0; file < scan.Files.Count; file++)
        {
            if (scan.SkipReasons[file] is null && ImageDecoder.TryDecode(Path.Combine(scan.Folder, scan.Files[file].File), out var image, out _))
            {
                var side = Math.Min(image.Width, image.Height);
                return new ImageTransform(side, side);
            }
        }
        return new ImageTransform(InceptionFeatures.InputSize, InceptionFeatures.InputSize);
    }
}
