using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data.Images;

/// <summary>
/// The DCGAN input pipeline, torchvision's
/// <c>Compose([Resize(ResizeSize), CenterCrop(CropSize), ToTensor(), Normalize((0.5,)*3, (0.5,)*3)])</c>:
/// the shorter side scaled to <see cref="ResizeSize"/>, the middle <see cref="CropSize"/> square kept, values mapped
/// to [−1, 1] (the range of a tanh generator's output). The steps are in <see cref="ImageTransforms"/>.
/// </summary>
public sealed record ImageTransform
{
    /// <summary>The per-channel mean and standard deviation of the normalisation.</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.5f, 0.5f, 0.5f];

    /// <inheritdoc cref="Mean"/>
    public static IReadOnlyList<float> Std { get; } = [0.5f, 0.5f, 0.5f];

    public ImageTransform(int resizeSize = 64, int cropSize = 64)
    {
        if (resizeSize < 1) throw new ArgumentOutOfRangeException(nameof(resizeSize), resizeSize, "the resize size must be at least 1");
        // The shorter side is resizeSize after the resize, so a larger crop would need padding (which torchvision adds).
        if (cropSize < 1 || cropSize > resizeSize)
            throw new ArgumentOutOfRangeException(nameof(cropSize), cropSize, $"the crop size must be between 1 and the resize size ({resizeSize})");
        ResizeSize = resizeSize;
        CropSize = cropSize;
    }

    /// <summary>The shorter side after resizing.</summary>
    public int ResizeSize { get; }

    /// <summary>The side of the square kept from the middle.</summary>
    public int CropSize { get; }

    /// <summary>
    /// What transparent images are laid on. Null (the default) is torchvision's <c>ImageFolder</c>, whose loader calls
    /// Pillow's <c>convert('RGB')</c>: alpha is dropped and each pixel keeps the colour stored under it, which for
    /// PNGs saved by size-optimising tools (the Noto emoji among them) is streaks of neighbouring colours. A colour
    /// composites each image onto it first, as Pillow's <c>alpha_composite</c> onto an opaque image of that colour.
    /// Opaque images are the same either way.
    /// </summary>
    public RgbColor? Background { get; init; }

    /// <summary>
    /// Grey levels first, torchvision's <c>Grayscale(num_output_channels=3)</c> before the resize: Pillow's
    /// <c>convert('L')</c> of each pixel (<see cref="ImageTransforms.Grayscale"/>), repeated in R, G and B. For the MNIST
    /// classifier's 1×28×28 input (<c>GanKit.Metrics.Features.ImageFolderFeatures</c>). False (the default): colours kept.
    /// </summary>
    public bool Grayscale { get; init; }

    /// <summary>Grey levels (with <see cref="Grayscale"/>), resize and crop: the 8-bit pixels before ToTensor (what a dataset cache keeps).</summary>
    public RgbImage ResizeAndCrop(RgbImage image) =>
        ImageTransforms.CenterCrop(ImageTransforms.Resize(Grayscale ? ImageTransforms.Grayscale(image) : image, ResizeSize), CropSize);

    /// <summary>The whole pipeline: float32 (3, <see cref="CropSize"/>, <see cref="CropSize"/>) in [−1, 1].</summary>
    public Tensor Apply(RgbImage image)
    {
        using var pixels = ResizeAndCrop(image).ToByteTensor();
        return ToNormalizedTensor(pixels);
    }

    /// <summary>ToTensor then Normalize of uint8 pixels that are already resized and cropped, (3, S, S) or (N, 3, S, S).</summary>
    public static Tensor ToNormalizedTensor(Tensor pixels)
    {
        using var unit = ImageTransforms.ToTensor(pixels);
        return ImageTransforms.Normalize(unit, Mean, Std);
    }

    public override string ToString() =>
        (Background is { } background ? $"on {background}, " : "") + (Grayscale ? "Grayscale, " : "") + $"Resize({ResizeSize}), CenterCrop({CropSize}), ToTensor, Normalize(0.5, 0.5)";
}
