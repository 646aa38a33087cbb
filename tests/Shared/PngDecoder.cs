using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GanKit.TestSupport;

/// <summary>
/// Decodes the PNGs our writers make, from the PNG specification (not from an image library), to check them
/// independently: chunk CRCs checked, IEND required, 8-bit grey, RGB, grey+alpha, RGBA or palette (expanded to RGB
/// through PLTE), not interlaced; zlib data inflated and each scanline's filter (None, Sub, Up, Average, Paeth) undone. One source file,
/// compiled into the test projects that read PNGs (GanKit.Torch.Tests, GanKit.Notebooks.Tests).
/// </summary>
internal static class PngDecoder
{
    /// <summary>A decoded PNG: <see cref="Channels"/> bytes per pixel, rows top to bottom.</summary>
    internal sealed record Image(int Width, int Height, int ColorType, int Channels, byte[] Pixels)
    {
        public byte[] Pixel(int x, int y) => Pixels.AsSpan((y * Width + x) * Channels, Channels).ToArray();
    }

    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static Image Decode(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("not a PNG signature");
        int width = 0, height = 0, colorType = -1;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var offset = 8; ;)
        {
            if (offset >= png.Length) throw new InvalidDataException("no IEND chunk");
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset)));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            if (BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)) != Crc32(typeAndData))
                throw new InvalidDataException($"CRC mismatch in chunk {type}");
            offset += 12 + length;
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                if (data[8] != 8) throw new NotSupportedException($"bit depth {data[8]}");
                colorType = data[9];
                if (data[12] != 0) throw new NotSupportedException("interlaced PNG");
            }
            else if (type == "PLTE")
            {
                palette = data.ToArray();
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"colour type {colorType}") };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var pixels = Unfilter(inflated.ToArray(), width, height, channels);
        if (colorType != 3)
        {
            return new Image(width, height, colorType, channels, pixels);
        }

        if (palette.Length == 0) throw new InvalidDataException("palette image without PLTE");
        var rgb = pixels.SelectMany(index => 3 * index + 2 < palette.Length
            ? palette.AsSpan(3 * index, 3).ToArray()
            : throw new InvalidDataException($"palette index {index} beyond {palette.Length / 3} entries")).ToArray();
        return new Image(width, height, colorType, 3, rgb);
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        if (raw.Length != height * (stride + 1)) throw new InvalidDataException($"{raw.Length} bytes of scanlines for {width}×{height}×{bpp}");
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? pixels[y * stride + i - bpp] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter type {filter}"),
                };
                pixels[y * stride + i] = (byte)(raw[y * (stride + 1) + 1 + i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    // Bitwise CRC-32 (IEEE, reflected), as the PNG specification defines it.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
