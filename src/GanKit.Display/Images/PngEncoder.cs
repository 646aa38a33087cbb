using System.Buffers.Binary;
using System.IO.Compression;

namespace GanKit.Display.Images;

/// <summary>Pixel layouts the encoder writes: 8-bit grayscale or 8-bit RGB.</summary>
public enum PngColor
{
    Gray = 0,
    Rgb = 2,
}

/// <summary>
/// A minimal PNG encoder (8-bit gray or RGB, no interlace) so figures need no imaging package. Rows use the
/// Sub filter, which compresses image grids with flat padding well at negligible cost.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Encodes row-major pixels (<paramref name="width"/> × <paramref name="height"/>, channel-interleaved).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColor color)
    {
        var channels = color == PngColor.Rgb ? 3 : 1;
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"A PNG needs a positive size, got {width}×{height}.");
        }

        if (pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"Expected {width * height * channels} bytes for {width}×{height}×{channels}, got {pixels.Length}.");
        }

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = (byte)color;
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(pixels, width * channels, height, channels));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The CRC-32 (ISO-HDLC polynomial) PNG chunks carry over their type and data.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data, uint crc = 0)
    {
        crc = ~crc;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int stride, int height, int channels)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[stride + 1];
            row[0] = 1; // Sub filter: each byte minus the same channel of the pixel to its left
            for (var y = 0; y < height; y++)
            {
                var source = pixels.Slice(y * stride, stride);
                for (var i = 0; i < stride; i++)
                {
                    var left = i >= channels ? source[i - channels] : (byte)0;
                    row[i + 1] = (byte)(source[i] - left);
                }

                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        stream.Write(buffer);

        Span<byte> typeBytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            typeBytes[i] = (byte)type[i];
        }

        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(data, Crc32(typeBytes)));
        stream.Write(buffer);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
