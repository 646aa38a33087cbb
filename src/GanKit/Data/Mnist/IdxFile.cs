using System.Buffers.Binary;
using System.IO.Compression;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>The content of an IDX file of unsigned bytes: its dimensions and its data, row-major.</summary>
public sealed class IdxArray(string path, IReadOnlyList<int> dimensions, byte[] data)
{
    /// <summary>The file it was read from (full path).</summary>
    public string Path { get; } = path;

    public IReadOnlyList<int> Dimensions { get; } = dimensions;

    public byte[] Data { get; } = data;
}

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST: a magic number 00 00 type rank, then rank big-endian
/// uint32 dimensions, then the data, row-major. Only type 0x08 (unsigned byte) is read, the type of every MNIST
/// file. Files may be gzip-compressed (recognised by their 1f 8b header, whatever their name) or raw.
/// Every problem is a <see cref="DatasetFormatException"/> naming the file.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    // Byte b → b / 255 in float32, computed once (an exact division, the same value as PyTorch's ToTensor).
    private static readonly float[] UnitScale = Enumerable.Range(0, 256).Select(b => b / 255f).ToArray();

    /// <summary>Reads an IDX file of unsigned bytes, gzip-compressed or raw.</summary>
    public static IdxArray Read(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new FileNotFoundException($"{fullPath}: no such IDX file", fullPath);
        using var file = File.OpenRead(fullPath);
        if (!IsGzip(file)) return ReadContent(fullPath, file, compressed: false);
        using var content = new GZipStream(file, CompressionMode.Decompress);
        try
        {
            return ReadContent(fullPath, content, compressed: true);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException(fullPath, $"is not a valid gzip stream ({e.Message})", e);
        }
    }

    /// <summary>An images file (count, rows, columns) as float32 (count, 1, rows, columns) in [0, 1]: byte / 255.</summary>
    public static Tensor ReadImages(string path) => ToImages(ImagesArray(Read(path)));

    /// <summary>A labels file (count) as int64 (count).</summary>
    public static Tensor ReadLabels(string path) => ToLabels(LabelsArray(Read(path)));

    /// <summary>An images file and its labels file, which must hold the same number of examples.</summary>
    public static LabelledImages ReadLabelledImages(string imagesPath, string labelsPath)
    {
        var images = ImagesArray(Read(imagesPath));
        var labels = LabelsArray(Read(labelsPath));
        if (labels.Dimensions[0] != images.Dimensions[0])
            throw new DatasetFormatException(labels.Path,
                $"holds {labels.Dimensions[0]} labels but its images file {images.Path} holds {images.Dimensions[0]} images");
        return new LabelledImages(ToImages(images), ToLabels(labels));
    }

    private static bool IsGzip(Stream file)
    {
        var first = file.ReadByte();
        var second = file.ReadByte();
        file.Position = 0;
        return first == 0x1f && second == 0x8b;
    }

    private static IdxArray ReadContent(string path, Stream content, bool compressed)
    {
        var form = compressed ? "its decompressed content" : "it";
        var magic = new byte[4];
        var read = content.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (read == 0) throw new DatasetFormatException(path, compressed ? "decompresses to nothing" : "is empty");
        if (read < magic.Length || magic[0] != 0 || magic[1] != 0)
            throw new DatasetFormatException(path,
                $"is not an IDX file: {form} starts with {Hex(magic.AsSpan(0, read))}, not the IDX magic number 00 00 type rank");
        if (magic[2] != UnsignedByteType)
            throw new DatasetFormatException(path,
                $"has IDX data type 0x{magic[2]:x2} ({TypeName(magic[2])}); only 0x08 (unsigned byte) is supported");
        int rank = magic[3];
        if (rank == 0) throw new DatasetFormatException(path, "declares 0 dimensions");

        var header = new byte[4 * rank];
        read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
            throw new DatasetFormatException(path,
                $"is truncated: its magic number declares {rank} dimensions ({header.Length} header bytes) but only {read} bytes follow");
        var sizes = Enumerable.Range(0, rank).Select(i => BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4 * i))).ToArray();
        // A double product cannot overflow here, and is exact while it is small enough to pass the check.
        if (sizes.Aggregate(1.0, (product, size) => product * size) > Array.MaxLength)
            throw new DatasetFormatException(path, $"declares dimensions [{string.Join(", ", sizes)}], more bytes than an array can hold");
        var dimensions = sizes.Select(size => (int)size).ToArray();
        var total = dimensions.Aggregate(1L, (product, size) => product * size);

        var data = new byte[total];
        read = content.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
            throw new DatasetFormatException(path,
                $"is truncated: its header declares [{string.Join(", ", dimensions)}], {total} bytes of data, but only {read} follow");
        if (content.ReadByte() != -1)
            throw new DatasetFormatException(path, $"has more data than the {total} bytes its header [{string.Join(", ", dimensions)}] declares");
        return new IdxArray(path, dimensions, data);
    }

    private static IdxArray ImagesArray(IdxArray array)
    {
        var d = array.Dimensions;
        if (d.Count != 3)
            throw new DatasetFormatException(array.Path,
                $"has {d.Count} dimensions [{string.Join(", ", d)}]; an images file has 3 (count, rows, columns)");
        if (d[0] == 0) throw new DatasetFormatException(array.Path, "holds no images (count 0)");
        if (d[1] == 0 || d[2] == 0) throw new DatasetFormatException(array.Path, $"holds images of {d[1]}×{d[2]} pixels");
        return array;
    }

    private static IdxArray LabelsArray(IdxArray array)
    {
        var d = array.Dimensions;
        if (d.Count != 1)
            throw new DatasetFormatException(array.Path,
                $"has {d.Count} dimensions [{string.Join(", ", d)}]; a labels file has 1 (count)");
        if (d[0] == 0) throw new DatasetFormatException(array.Path, "holds no labels (count 0)");
        return array;
    }

    private static Tensor ToImages(IdxArray array)
    {
        var values = new float[array.Data.Length];
        for (var i = 0; i < values.Length; i++) values[i] = UnitScale[array.Data[i]];
        var d = array.Dimensions;
        return tensor(values, [d[0], 1, d[1], d[2]]);
    }

    private static Tensor ToLabels(IdxArray array) => tensor(array.Data.Select(b => (long)b).ToArray());

    private static string Hex(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 ? "nothing" : string.Join(" ", bytes.ToArray().Select(b => b.ToString("x2")));

    private static string TypeName(byte type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "not an IDX type",
    };
}
