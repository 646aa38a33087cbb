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
/// <item><see cref="InceptionFeatures"/>: colour, resized the same way to 299×299, the size the network works at (it
/// would resize other sizes itself, with TF1-style bilinear; pass a transform of the files' own size to leave that
/// to the network, as StyleGAN2-ADA does);</item>
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
        transform = TransformFor(extractor, transform);
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

    /// <summary>The transform <see cref="Load"/> uses for <paramref name="extractor"/> when given <paramref name="transform"/> (null: the default).</summary>
    public static ImageTransform TransformFor(IFeatureExtractor extractor, ImageTransform? transform = null) => extractor switch
    {
        MnistFeatures => (transform ?? new ImageTransform(MnistClassifier.ImageSize, MnistClassifier.ImageSize)) with { Grayscale = true },
        InceptionFeatures => transform ?? new ImageTransform(InceptionFeatures.InputSize, InceptionFeatures.InputSize),
        _ => transform ?? throw new ArgumentException(
            $"say which size to bring the images to for {extractor.Name}: pass an ImageTransform (GanKit's MNIST and Inception extractors have their own)", nameof(transform)),
    };
}
