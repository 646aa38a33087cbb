using System.Globalization;
using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Images;

/// <summary>
/// A batch of images tiled into one picture, as torchvision's make_grid + save_image would produce, scaled
/// up by whole pixels so small images stay readable. Displays as PNG.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<ImageGrid>), PreferredMimeTypes = [Mime.Png, Mime.PlainText])]
public sealed class ImageGrid : IMimeRenderable
{
    private readonly byte[] _pixels;
    private byte[]? _png;

    private ImageGrid(byte[] pixels, int width, int height, int channels, int count, string? caption)
    {
        _pixels = pixels;
        Width = width;
        Height = height;
        Channels = channels;
        Count = count;
        Caption = caption;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>1 for grayscale, 3 for RGB.</summary>
    public int Channels { get; }

    /// <summary>How many images the grid holds.</summary>
    public int Count { get; }

    public string? Caption { get; }

    /// <summary>Row-major, channel-interleaved 8-bit pixels.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<ImageGrid>.PreferredMimeTypes;

    /// <summary>
    /// Builds a grid from a contiguous (N, C, H, W) float buffer, the layout of a tensor's data.
    /// C is 1 (grayscale) or 3 (RGB).
    /// </summary>
    public static ImageGrid FromPixels(ReadOnlySpan<float> nchw, int n, int c, int h, int w, GridOptions? options = null, string? caption = null)
    {
        options ??= GridOptions.Default;
        Validate(nchw.Length, n, c, h, w, options);

        var values = nchw.ToArray();
        if (options.Normalize)
        {
            NormalizeInPlace(values, n, c * h * w, options);
        }

        // make_grid returns a single image unpadded.
        var padding = n == 1 ? 0 : options.Padding;
        var columns = Math.Min(options.Nrow, n);
        var rows = (n + columns - 1) / columns;
        var cellWidth = w + padding;
        var cellHeight = h + padding;
        var gridWidth = columns * cellWidth + padding;
        var gridHeight = rows * cellHeight + padding;

        var grid = new byte[gridWidth * gridHeight * c];
        Array.Fill(grid, ToByte(options.PadValue));
        for (var image = 0; image < n; image++)
        {
            var top = image / columns * cellHeight + padding;
            var left = image % columns * cellWidth + padding;
            for (var channel = 0; channel < c; channel++)
            {
                var plane = (image * c + channel) * h * w;
                for (var y = 0; y < h; y++)
                {
                    for (var x = 0; x < w; x++)
                    {
                        grid[((top + y) * gridWidth + left + x) * c + channel] = ToByte(values[plane + y * w + x]);
                    }
                }
            }
        }

        if (options.Outlined is { Count: > 0 } outlined)
        {
            (grid, c) = (Outline(grid, gridWidth, gridHeight, c, outlined, columns, cellWidth, cellHeight, padding, options.OutlineColor), 3);
        }

        var scale = options.Scale > 0 ? options.Scale : Math.Max(1, (options.MinCellSize + Math.Max(h, w) - 1) / Math.Max(h, w));
        var scaled = Upscale(grid, gridWidth, gridHeight, c, scale);
        return new ImageGrid(scaled, gridWidth * scale, gridHeight * scale, c, n, caption);
    }

    /// <summary>The grid encoded as PNG.</summary>
    public byte[] ToPng() => _png ??= PngEncoder.Encode(_pixels, Width, Height, Channels == 3 ? PngColor.Rgb : PngColor.Gray);

    /// <summary>
    /// The grid for a chart's picture panel: the PNG, or for a colour grid a JPEG (quality 85) when that is at most
    /// two thirds of the PNG's size. Generated colour images are noisy and PNG compresses them poorly (a 530×530 grid
    /// of 64 samples is about 800 KB, its JPEG about a sixth); drawings, digits and emoji stay PNG.
    /// </summary>
    public byte[] ToPngOrJpeg()
    {
        var png = ToPng();
        if (Channels != 3) return png;
        using var image = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.Rgb24>(_pixels, Width, Height);
        using var jpeg = new MemoryStream();
        image.Save(jpeg, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 85 });
        return jpeg.Length * 3 <= png.Length * 2 ? jpeg.ToArray() : png;
    }

    /// <summary>Writes the PNG to <paramref name="path"/> atomically (a crash leaves the old file or the new), creating its folder.</summary>
    public void SavePng(string path) => GanKit.IO.AtomicFile.WriteAllBytes(path, ToPng());

    public void Render(string mimeType, TextWriter writer) =>
        writer.Write(mimeType == Mime.Png ? Convert.ToBase64String(ToPng()) : ToString());

    /// <summary>An &lt;img&gt; element with the PNG inlined, for HTML outputs that embed the grid.</summary>
    public string HtmlImage() =>
        $"<img alt=\"{System.Net.WebUtility.HtmlEncode(ToString())}\" width=\"{Width}\" height=\"{Height}\" src=\"data:image/png;base64,{Convert.ToBase64String(ToPng())}\" />";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Caption is null ? "" : Caption + ": ")}{Count} {(Channels == 3 ? "RGB" : "grayscale")} image(s), {Width}×{Height} px grid");

    private static void Validate(int length, int n, int c, int h, int w, GridOptions options)
    {
        if (n <= 0 || h <= 0 || w <= 0)
        {
            throw new ArgumentException($"An image grid needs positive N, H and W, got ({n}, {c}, {h}, {w}).");
        }

        if (c is not (1 or 3))
        {
            throw new ArgumentException($"An image grid takes 1 (grayscale) or 3 (RGB) channels, got {c}.");
        }

        if (length != n * c * h * w)
        {
            throw new ArgumentException($"Expected {n * c * h * w} values for ({n}, {c}, {h}, {w}), got {length}.");
        }

        if (options.Nrow <= 0 || options.Padding < 0 || options.Scale < 0)
        {
            throw new ArgumentException("Nrow must be positive; Padding and Scale must not be negative.");
        }

        if (options.Outlined is { Count: > 0 } outlined)
        {
            if (options.Padding < 1 || n == 1)
            {
                throw new ArgumentException("Outlines are drawn in the padding between images: use Padding ≥ 1 and more than one image.");
            }

            foreach (var index in outlined.Where(i => i < 0 || i >= n))
            {
                throw new ArgumentException($"Outlined image {index} is not in the batch of {n}.");
            }
        }

        if (options.ValueRange is { } range && !(range.Max > range.Min))
        {
            throw new ArgumentException($"ValueRange needs Max > Min, got ({range.Min}, {range.Max}).");
        }
    }

    private static void NormalizeInPlace(float[] values, int n, int imageSize, GridOptions options)
    {
        if (options.ScaleEach)
        {
            for (var image = 0; image < n; image++)
            {
                NormalizeRange(values.AsSpan(image * imageSize, imageSize), options.ValueRange);
            }
        }
        else
        {
            NormalizeRange(values, options.ValueRange);
        }
    }

    // torchvision: clamp to [low, high], then (x - low) / max(high - low, 1e-5).
    private static void NormalizeRange(Span<float> values, (float Min, float Max)? range)
    {
        var (low, high) = range ?? (Min(values), Max(values));
        var extent = Math.Max(high - low, 1e-5f);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (Math.Clamp(values[i], low, high) - low) / extent;
        }
    }

    // The grid as RGB, with a frame in the outline colour around each outlined image.
    private static byte[] Outline(byte[] grid, int gridWidth, int gridHeight, int channels, IReadOnlyCollection<int> outlined,
        int columns, int cellWidth, int cellHeight, int padding, (byte R, byte G, byte B) color)
    {
        var rgb = new byte[gridWidth * gridHeight * 3];
        for (var pixel = 0; pixel < gridWidth * gridHeight; pixel++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                rgb[pixel * 3 + channel] = grid[pixel * channels + (channels == 3 ? channel : 0)];
            }
        }

        foreach (var image in outlined.Distinct())
        {
            // The image sits at (top, left) inside its cell; the frame takes half the padding around it (at least a
            // pixel), so two framed neighbours keep separate frames.
            var top = image / columns * cellHeight + padding;
            var left = image % columns * cellWidth + padding;
            var (h, w) = (cellHeight - padding, cellWidth - padding);
            var ring = Math.Max(1, padding / 2);
            for (var y = top - ring; y < top + h + ring; y++)
            {
                for (var x = left - ring; x < left + w + ring; x++)
                {
                    var inside = y >= top && y < top + h && x >= left && x < left + w;
                    if (!inside)
                    {
                        var at = (y * gridWidth + x) * 3;
                        (rgb[at], rgb[at + 1], rgb[at + 2]) = (color.R, color.G, color.B);
                    }
                }
            }
        }

        return rgb;
    }

    private static float Min(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    // save_image: x * 255 + 0.5, clamped to [0, 255], truncated.
    private static byte ToByte(float value) => float.IsNaN(value) ? (byte)0 : (byte)Math.Clamp(value * 255f + 0.5f, 0f, 255f);

    private static byte[] Upscale(byte[] pixels, int width, int height, int channels, int scale)
    {
        if (scale == 1)
        {
            return pixels;
        }

        var outWidth = width * scale;
        var result = new byte[outWidth * height * scale * channels];
        for (var y = 0; y < height * scale; y++)
        {
            var sourceRow = y / scale * width;
            for (var x = 0; x < outWidth; x++)
            {
                Array.Copy(pixels, (sourceRow + x / scale) * channels, result, (y * outWidth + x) * channels, channels);
            }
        }

        return result;
    }
}
