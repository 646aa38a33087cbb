using System.Diagnostics.CodeAnalysis;
using SkiaSharp;

namespace GanKit.Data.Images;

/// <summary>
/// Decodes JPEG, PNG, WebP, BMP and GIF files (GIF: the first frame) with Skia into the pixels PIL's
/// <c>Image.open(path).convert("RGB")</c> gives, the input torchvision's transforms see:
/// <list type="bullet">
/// <item>no colour management: the file's own values, ICC profiles and gAMA chunks ignored, as PIL does
/// (Skia converts colours only when given a target colour space, and it is given none);</item>
/// <item>alpha dropped, not composited: PIL's RGBA → RGB conversion keeps the colour of every pixel, transparent ones
/// included, so the pixels are decoded unpremultiplied and the alpha byte is then left out; or, with a background
/// colour, composited onto it with Pillow's <c>alpha_composite</c> arithmetic;</item>
/// <item>grey levels repeated in R, G and B; palette images as their palette colours.</item>
/// </list>
/// JPEG and lossy WebP pixels may differ from PIL's by a few levels: Skia bundles its own libjpeg-turbo and libwebp.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The file name extensions read (lower case, compared case-insensitively).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"];

    /// <summary>Whether <paramref name="path"/>'s extension is one of <see cref="Extensions"/>.</summary>
    public static bool HasImageExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The picture in <paramref name="path"/>, transparent parts laid on <paramref name="background"/> when given.</summary>
    /// <exception cref="DatasetFormatException">The file cannot be read or decoded; the message says why.</exception>
    public static RgbImage Decode(string path, RgbColor? background = null)
    {
        var fullPath = Path.GetFullPath(path);
        return TryDecode(fullPath, out var image, out var failure, background) ? image : throw new DatasetFormatException(fullPath, failure);
    }

    /// <summary>
    /// Decodes <paramref name="path"/>, or says why it cannot, in a few words (unreadable, not an image, truncated,
    /// corrupt): a dataset load skips such files and lists the reason rather than failing.
    /// </summary>
    public static bool TryDecode(string path, [NotNullWhen(true)] out RgbImage? image, [NotNullWhen(false)] out string? failure, RgbColor? background = null)
    {
        image = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = $"unreadable ({e.Message})";
            return false;
        }
        if (bytes.Length == 0)
        {
            failure = "empty file";
            return false;
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            failure = "not an image (no JPEG, PNG, WebP, BMP or GIF data that Skia recognises)";
            return false;
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        // Rgba8888 with no colour space: channel values as stored, nothing converted; unpremultiplied, so alpha can go.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (4L * width * height > Array.MaxLength)
        {
            failure = $"too large to decode ({width}×{height} pixels)";
            return false;
        }
        var rgba = new byte[4L * width * height];
        var result = codec.GetPixels(info, rgba);
        if (result != SKCodecResult.Success)
        {
            failure = result == SKCodecResult.IncompleteInput
                ? $"truncated: the {codec.EncodedFormat} data ends before the {width}×{height} picture does"
                : $"corrupt {codec.EncodedFormat} data (Skia: {result})";
            return false;
        }
        var rgb = new byte[3L * width * height];
        for (long pixel = 0, count = (long)width * height; pixel < count; pixel++)
        {
            var alpha = rgba[4 * pixel + 3];
            if (background is { } under && alpha != 255)
            {
                rgb[3 * pixel] = Composite(rgba[4 * pixel], alpha, under.R);
                rgb[3 * pixel + 1] = Composite(rgba[4 * pixel + 1], alpha, under.G);
                rgb[3 * pixel + 2] = Composite(rgba[4 * pixel + 2], alpha, under.B);
            }
            else
            {
                rgb[3 * pixel] = rgba[4 * pixel];
                rgb[3 * pixel + 1] = rgba[4 * pixel + 1];
                rgb[3 * pixel + 2] = rgba[4 * pixel + 2];
            }
        }
        image = new RgbImage(width, height, rgb);
        failure = null;
        return true;
    }

    /// <summary>
    /// One channel of Pillow's <c>alpha_composite</c> (libImaging/AlphaComposite.c, 7-bit fixed point) of a pixel with
    /// alpha <paramref name="alpha"/> over an opaque one: the integer arithmetic, so results equal Pillow's to the bit.
    /// </summary>
    private static byte Composite(byte source, byte alpha, byte under)
    {
        const int precisionBits = 7;
        if (alpha == 0) return under;
        uint blend = 255u * (255u - alpha);                       // the opaque background's alpha times (255 − α)
        uint outAlpha255 = alpha * 255u + blend;
        uint coefficient1 = alpha * 255u * 255u * (1u << precisionBits) / outAlpha255;
        uint coefficient2 = 255u * (1u << precisionBits) - coefficient1;
        uint sum = source * coefficient1 + under * coefficient2 + (0x80u << precisionBits);
        return (byte)((((sum >> 8) + sum) >> 8) >> precisionBits);
    }
}
