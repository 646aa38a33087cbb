using SkiaSharp;

namespace TorchSharp.Utils.tensorboard;

/// <summary>
/// Turns an image tensor or an image file into a <see cref="ImageMessage"/> holding a PNG, the way
/// TorchSharp's <c>Summary.image</c> does: the tensor is brought to height × width × channels per its
/// data format (a batch becomes a grid of up to 8 columns, one or two dimensions become grey), uint8
/// and int8 values are taken as they are and any other type is multiplied by 255, then clipped to
/// [0, 255] and truncated to uint8. Grey and RGB become an RGB PNG (colorspace 3), RGBA an RGBA PNG
/// (colorspace 4), which summary.proto's colorspace field names.
/// </summary>
internal static class ImageSummary
{
    private const int GridColumns = 8;

    public static ImageMessage FromTensor(torch.Tensor image, string dataformats)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(dataformats);
        using var scope = torch.NewDisposeScope();
        var hwc = ToHeightWidthChannels(image.detach(), dataformats.ToUpperInvariant());
        var scale = hwc.dtype is torch.ScalarType.Byte or torch.ScalarType.Int8 ? 1 : 255;
        var bytes = (hwc.to_type(torch.ScalarType.Float32) * scale).clip(0, 255).to_type(torch.ScalarType.Byte).cpu();
        var (height, width, channels) = ((int)bytes.shape[0], (int)bytes.shape[1], (int)bytes.shape[2]);
        var rgba = ToRgba(bytes.ToArrayOf<byte>(), channels);
        var opaque = channels == 3;
        return new ImageMessage(height, width, opaque ? 3 : 4, EncodePng(rgba, width, height, opaque));
    }

    public static ImageMessage FromFile(string file_name)
    {
        ArgumentNullException.ThrowIfNull(file_name);
        if (!File.Exists(file_name)) throw new FileNotFoundException($"add_img: image file '{file_name}' does not exist.", file_name);
        using var codec = SKCodec.Create(file_name)
            ?? throw new ArgumentException($"add_img: '{file_name}' is not an image format SkiaSharp can decode (PNG, JPEG, GIF, BMP, WebP…).", nameof(file_name));
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        var result = codec.GetPixels(info, rgba);
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"add_img: could not decode '{file_name}': {result}.");
        return new ImageMessage(info.Height, info.Width, opaque ? 3 : 4, EncodePng(rgba, info.Width, info.Height, opaque));
    }

    /// <summary>TorchSharp's convert_to_HWC, with the checks that give a clear message instead of a crash.</summary>
    private static torch.Tensor ToHeightWidthChannels(torch.Tensor image, string format)
    {
        var expected = format.Length switch { 4 => "NCHW", 3 => "HWC", 2 => "HW", _ => null };
        if (expected is null || image.dim() != format.Length || !format.Order().SequenceEqual(expected.Order()))
            throw new ArgumentException(
                $"dataformats '{format}' does not fit an image tensor of shape [{string.Join(", ", image.shape)}]: " +
                "it must name each dimension once, as a permutation of NCHW, HWC or HW with as many letters as the tensor has dimensions.",
                "dataformats");
        var order = expected.Select(c => (long)format.IndexOf(c)).ToArray();
        var hwc = format.Length switch {
            4 => Grid(image.permute(order)).permute(1, 2, 0),
            3 => image.permute(order),
            _ => image.permute(order).unsqueeze(-1),
        };
        var channels = hwc.shape[2];
        if (channels == 1) return hwc.expand(-1, -1, 3);
        if (channels is 3 or 4) return hwc;
        throw new ArgumentException(
            $"An image needs 1 (grey), 3 (RGB) or 4 (RGBA) channels; the tensor of shape [{string.Join(", ", image.shape)}] " +
            $"with dataformats '{format}' has {channels}.", "img_tensor");
    }

    /// <summary>
    /// TorchSharp's make_grid: N images (N, C, H, W) side by side in rows of up to 8, filled row by row,
    /// unused cells black; C × (rows·H) × (columns·W).
    /// </summary>
    private static torch.Tensor Grid(torch.Tensor images)
    {
        var (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        if (n == 0) throw new ArgumentException("The image batch is empty (N = 0).", "img_tensor");
        var columns = Math.Min(GridColumns, n);
        var rows = (n + columns - 1) / columns;
        var cells = rows * columns;
        if (cells > n) images = torch.cat([images, torch.zeros([cells - n, c, h, w], images.dtype, images.device)], 0);
        return images.reshape(rows, columns, c, h, w).permute(2, 0, 3, 1, 4).reshape(c, rows * h, columns * w);
    }

    private static byte[] ToRgba(byte[] pixels, int channels)
    {
        if (channels == 4) return pixels;
        var rgba = new byte[pixels.Length / 3 * 4];
        for (int src = 0, dst = 0; src < pixels.Length; src += 3, dst += 4) {
            rgba[dst] = pixels[src];
            rgba[dst + 1] = pixels[src + 1];
            rgba[dst + 2] = pixels[src + 2];
            rgba[dst + 3] = 255;
        }
        return rgba;
    }

    /// <summary>PNG of 8-bit RGBA pixels: Skia writes RGB when told they are opaque, RGBA otherwise.</summary>
    private static unsafe byte[] EncodePng(byte[] rgba, int width, int height, bool opaque)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        fixed (byte* pixels = rgba) {
            using var pixmap = new SKPixmap(info, (IntPtr)pixels, info.RowBytes);
            using var png = pixmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {width}×{height} image as PNG.");
            return png.ToArray();
        }
    }
}
