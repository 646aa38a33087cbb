using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data.Images;

/// <summary>
/// An 8-bit RGB picture, row-major with interleaved channels (height, width, 3): the layout of a PIL image in mode
/// "RGB", which <see cref="ImageDecoder"/> produces and <see cref="ImageTransforms"/> works on.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"an image needs at least 1×1 pixels, got {width}×{height}");
        if (pixels.LongLength != 3L * width * height)
            throw new ArgumentException($"a {width}×{height} RGB image has {3L * width * height} bytes, got {pixels.LongLength}", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>R, G, B of pixel (x, y) at 3 (y · width + x).</summary>
    public byte[] Pixels { get; }

    /// <summary>The channels one after another (3, height, width), the order of a tensor image.</summary>
    public byte[] ToChannelsFirst()
    {
        var planeSize = Width * Height;
        var planes = new byte[Pixels.Length];
        for (var i = 0; i < planeSize; i++)
        {
            planes[i] = Pixels[3 * i];
            planes[planeSize + i] = Pixels[3 * i + 1];
            planes[2 * planeSize + i] = Pixels[3 * i + 2];
        }
        return planes;
    }

    /// <summary>uint8 (3, height, width), e.g. to show the picture or to pass to <see cref="ImageTransforms.ToTensor(Tensor)"/>.</summary>
    public Tensor ToByteTensor() => tensor(ToChannelsFirst(), [3, Height, Width]);

    public override string ToString() => $"{Width}×{Height} RGB image";
}

/// <summary>A colour to lay transparent images on (<see cref="ImageTransform.Background"/>); "#RRGGBB" when printed.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    public static RgbColor White { get; } = new(255, 255, 255);

    public static RgbColor Black { get; } = new(0, 0, 0);

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
