using System.Buffers.Binary;
using System.IO.Compression;

namespace GanKit.Tests.Data;

/// <summary>Writes small IDX files for the tests, byte by byte as the format is published.</summary>
internal static class IdxTestFiles
{
    /// <summary>The bytes of an IDX file: 00 00 type rank, big-endian dimensions, then <paramref name="data"/>.</summary>
    public static byte[] Bytes(int[] dimensions, byte[] data, byte type = 0x08)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + 4 * i), (uint)dimensions[i]);
        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    public static string Write(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>
    /// <paramref name="count"/> images of <paramref name="rows"/>×<paramref name="columns"/> whose byte at
    /// (image i, pixel p) is (i·31 + p·7) mod 256, and labels i mod 10.
    /// </summary>
    public static (byte[] Images, byte[] Labels) Pattern(int count, int rows, int columns)
    {
        var pixels = rows * columns;
        var images = new byte[count * pixels];
        for (var i = 0; i < count; i++)
            for (var p = 0; p < pixels; p++)
                images[i * pixels + p] = (byte)((i * 31 + p * 7) % 256);
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
        return (Bytes([count, rows, columns], images), Bytes([count], labels));
    }

    /// <summary>The four MNIST file names in <paramref name="folder"/>, gzip-compressed, of the <see cref="Pattern"/>.</summary>
    public static void WriteMnistFolder(string folder, int trainCount, int testCount)
    {
        Directory.CreateDirectory(folder);
        var (trainImages, trainLabels) = Pattern(trainCount, 28, 28);
        var (testImages, testLabels) = Pattern(testCount, 28, 28);
        Write(folder, "train-images-idx3-ubyte.gz", Gzip(trainImages));
        Write(folder, "train-labels-idx1-ubyte.gz", Gzip(trainLabels));
        Write(folder, "t10k-images-idx3-ubyte.gz", Gzip(testImages));
        Write(folder, "t10k-labels-idx1-ubyte.gz", Gzip(testLabels));
    }
}
