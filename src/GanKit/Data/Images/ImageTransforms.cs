using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data.Images;

/// <summary>
/// torchvision 0.14's transforms on PIL images, one step each, with the same results: <see cref="Grayscale"/>, <see cref="Resize(RgbImage, int)"/>
/// (<c>transforms.Resize(size)</c>, Pillow's antialiased bilinear), <see cref="CenterCrop"/>, <see cref="ToTensor(RgbImage)"/>
/// and <see cref="Normalize"/>. <see cref="ImageTransform"/> chains them.
/// </summary>
public static class ImageTransforms
{
    /// <summary>
    /// The size <c>transforms.Resize(size)</c> gives a <paramref name="width"/>×<paramref name="height"/> image: the
    /// shorter side becomes <paramref name="size"/>, the longer <c>int(size · long / short)</c> (truncated, as
    /// torchvision's <c>_compute_resized_output_size</c>), so the aspect ratio is kept to within a pixel.
    /// </summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int size)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "the resize size must be at least 1");
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"an image needs at least 1×1 pixels, got {width}×{height}");
        var (shorter, longer) = width <= height ? (width, height) : (height, width);
        var newLonger = (int)(size * (double)longer / shorter);
        return width <= height ? (size, newLonger) : (newLonger, size);
    }

    /// <summary>
    /// <c>transforms.Grayscale(num_output_channels=3)</c>: each pixel's grey level as Pillow 9.4's <c>convert('L')</c>
    /// computes it (ITU-R 601-2 luma in 16-bit fixed point, (19595 R + 38470 G + 7471 B + 32768) >> 16), repeated in R,
    /// G and B. A grey image comes back unchanged.
    /// </summary>
    public static RgbImage Grayscale(RgbImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            var grey = (byte)((19595 * image.Pixels[i] + 38470 * image.Pixels[i + 1] + 7471 * image.Pixels[i + 2] + 0x8000) >> 16);
            pixels[i] = pixels[i + 1] = pixels[i + 2] = grey;
        }
        return new RgbImage(image.Width, image.Height, pixels);
    }

    /// <summary><c>transforms.Resize(size)</c>: the shorter side to <paramref name="size"/> (see <see cref="ResizedSize"/>).</summary>
    public static RgbImage Resize(RgbImage image, int size)
    {
        var (width, height) = ResizedSize(image.Width, image.Height, size);
        return Resize(image, width, height);
    }

    /// <summary>
    /// PIL's <c>image.resize((width, height), Image.BILINEAR)</c>, bit for bit (Pillow 9.4): bilinear, antialiased when
    /// shrinking. The same image when the size is unchanged.
    /// </summary>
    public static RgbImage Resize(RgbImage image, int width, int height) => PillowBilinear.Resize(image, width, height);

    /// <summary>
    /// <c>transforms.CenterCrop(size)</c>: the middle <paramref name="size"/>×<paramref name="size"/> pixels, the
    /// offsets rounded as torchvision does (<c>int(round((h - size) / 2.0))</c>, halves to even).
    /// </summary>
    public static RgbImage CenterCrop(RgbImage image, int size)
    {
        if (size < 1 || size > image.Width || size > image.Height)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"a {size}×{size} crop does not fit in a {image.Width}×{image.Height} image");
        if (size == image.Width && size == image.Height) return image;
        var top = (int)Math.Round((image.Height - size) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((image.Width - size) / 2.0, MidpointRounding.ToEven);
        var pixels = new byte[3 * size * size];
        for (var y = 0; y < size; y++)
            Array.Copy(image.Pixels, 3 * ((long)(top + y) * image.Width + left), pixels, 3L * y * size, 3L * size);
        return new RgbImage(size, size, pixels);
    }

    /// <summary><c>transforms.ToTensor()</c>: float32 (3, height, width) in [0, 1], byte / 255.</summary>
    public static Tensor ToTensor(RgbImage image)
    {
        using var bytes = image.ToByteTensor();
        return ToTensor(bytes);
    }

    /// <summary>
    /// <c>transforms.ToTensor()</c>'s scaling of uint8 channels-first images, (3, H, W) or a batch (N, 3, H, W):
    /// float32 byte / 255, the same torch division torchvision does.
    /// </summary>
    public static Tensor ToTensor(Tensor pixels)
    {
        if (pixels.dtype != ScalarType.Byte) throw new ArgumentException($"ToTensor takes uint8 pixels, got {pixels.dtype}", nameof(pixels));
        using var scope = NewDisposeScope();
        return pixels.to_type(ScalarType.Float32).div_(255).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <c>transforms.Normalize(mean, std)</c> on (3, H, W) or (N, 3, H, W): (x − mean) / std per channel, as
    /// torchvision computes it (broadcast (3, 1, 1) tensors). Mean and std 0.5 map [0, 1] onto [−1, 1].
    /// </summary>
    public static Tensor Normalize(Tensor tensor, IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        var channels = tensor.shape.Length >= 3 ? tensor.shape[^3] : -1;
        if (tensor.dtype != ScalarType.Float32 || channels != mean.Count || channels != std.Count)
            throw new ArgumentException(
                $"Normalize takes float32 (…, channels, H, W) with one mean and one std per channel; got {tensor.dtype} " +
                $"[{string.Join(", ", tensor.shape)}], {mean.Count} means, {std.Count} stds", nameof(tensor));
        if (std.Any(s => s == 0)) throw new ArgumentException("a standard deviation of 0 divides by zero", nameof(std));
        using var scope = NewDisposeScope();
        var meanTensor = torch.tensor(mean.ToArray()).view(-1, 1, 1);
        var stdTensor = torch.tensor(std.ToArray()).view(-1, 1, 1);
        return tensor.sub(meanTensor).div_(stdTensor).MoveToOuterDisposeScope();
    }
}
