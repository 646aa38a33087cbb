using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace GanKit.Metrics.Files;

/// <summary>
/// NumPy's .npy format (numpy.lib.format): the magic string \x93NUMPY, a major and a minor version byte, the header's
/// length (2 bytes little-endian in version 1.0, 4 in 2.0 and 3.0), the header — a Python dict literal with 'descr',
/// 'fortran_order' and 'shape', Latin-1 (UTF-8 in 3.0), padded with spaces and ended by a newline — then the raw data.
/// </summary>
internal static class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // np.save pads the header so that the data starts at a multiple of this (numpy.lib.format.ARRAY_ALIGN).
    private const int DataAlignment = 64;

    // NumPy's own headers are a few hundred bytes at most; a longer length is a corrupt file, not a big array.
    private const uint MaxHeaderLength = 1 << 20;

    // Values are converted in chunks of this many bytes, so a file is never held twice in memory.
    private const int ChunkBytes = 1 << 20;

    public static FeatureMatrix Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var prefix = new byte[Magic.Length + 2];
        var read = file.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (read == 0) throw Fail(path, "is empty");
        if (read < prefix.Length || !prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Fail(path, $"is not a .npy file: it starts with {Hex(prefix.AsSpan(0, Math.Min(read, Magic.Length)))}, not the magic string 93 4e 55 4d 50 59 (\\x93NUMPY)");
        int major = prefix[6], minor = prefix[7];
        if (major is < 1 or > 3 || minor != 0)
            throw Fail(path, $"has NumPy format version {major}.{minor}; versions 1.0, 2.0 and 3.0 are supported");

        var lengthBytes = new byte[major == 1 ? 2 : 4];
        if (file.ReadAtLeast(lengthBytes, lengthBytes.Length, throwOnEndOfStream: false) < lengthBytes.Length)
            throw Fail(path, "is truncated inside its header length");
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderLength) throw Fail(path, $"declares a header of {headerLength} bytes, more than any .npy file has");
        if (headerLength > file.Length - file.Position)
            throw Fail(path, $"is truncated: its header is {headerLength} bytes long but only {file.Length - file.Position} bytes follow");
        var headerBytes = new byte[headerLength];
        file.ReadExactly(headerBytes);
        var header = NpyHeader.Parse(path, (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes));

        var type = NpyType.Parse(path, header.Descr);
        var shape = header.Shape;
        var shapeText = NpyHeader.ShapeText(shape);
        if (shape.Length == 1)
            throw Fail(path, $"holds a 1-D array (shape {shapeText}); a feature matrix is 2-D [N, D]: reshape it, x.reshape(-1, 1) for one feature per sample or x.reshape(1, -1) for a single sample");
        if (shape.Length != 2)
            throw Fail(path, $"holds a {shape.Length}-D array (shape {shapeText}); a feature matrix is 2-D [N, D]: flatten the features, x.reshape(len(x), -1)");
        var (rows, columns) = (shape[0], shape[1]);
        if (rows == 0 || columns == 0) throw Fail(path, $"holds an empty array (shape {shapeText})");
        if ((double)rows * columns > Array.MaxLength)
            throw Fail(path, $"holds {(double)rows * columns:E3} values (shape {shapeText}), more than one .NET array can hold");

        var count = rows * columns;
        var dataBytes = count * type.Size;
        var available = file.Length - file.Position;
        if (available < dataBytes)
            throw Fail(path, $"is truncated: shape {shapeText} of '{type.Descr}' needs {dataBytes} bytes of data but only {available} follow the header");
        if (available > dataBytes)
            throw Fail(path, $"has {available - dataBytes} bytes after the {dataBytes} bytes of data its shape {shapeText} of '{type.Descr}' declares");

        var values = new double[count];
        var perChunk = ChunkBytes / type.Size;
        var buffer = new byte[perChunk * type.Size];
        for (var start = 0; start < values.Length; start += perChunk)
        {
            var length = Math.Min(perChunk, values.Length - start);
            var bytes = buffer.AsSpan(0, length * type.Size);
            file.ReadExactly(bytes);
            type.Convert(bytes, values.AsSpan(start, length));
        }
        if (header.FortranOrder) values = Transpose(values, columns, rows);

        var matrix = new FeatureMatrix(values, rows, columns);
        if (matrix.NonFiniteElement() is { } nonFinite) throw Fail(path, $"{nonFinite}; feature matrices hold finite numbers only");
        return matrix;
    }

    /// <summary>Writes format 1.0, '&lt;f8', C order, byte for byte as NumPy's np.save writes it.</summary>
    public static void Write(Stream stream, FeatureMatrix matrix)
    {
        var dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({matrix.Rows}, {matrix.Columns}), }}";
        // Magic, two version bytes, the 2-byte length, the dict, then spaces and a newline up to the alignment: like
        // NumPy, a full block of padding when the unpadded header already ends on the alignment.
        var unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        var header = dict + new string(' ', DataAlignment - unpadded % DataAlignment) + "\n";
        var prefix = new byte[Magic.Length + 4];
        Magic.CopyTo(prefix, 0);
        prefix[6] = 1;
        prefix[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(prefix.AsSpan(8), checked((ushort)header.Length));
        stream.Write(prefix);
        stream.Write(Encoding.Latin1.GetBytes(header));

        var buffer = new byte[ChunkBytes];
        var perChunk = ChunkBytes / sizeof(double);
        for (var start = 0; start < matrix.Values.Length; start += perChunk)
        {
            var length = Math.Min(perChunk, matrix.Values.Length - start);
            for (var i = 0; i < length; i++)
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(i * sizeof(double)), matrix.Values[start + i]);
            stream.Write(buffer, 0, length * sizeof(double));
        }
    }

    /// <summary>Values stored column after column (Fortran order) of a rows × columns matrix, reordered row after row.</summary>
    private static double[] Transpose(double[] columnMajor, long columns, long rows)
    {
        var rowMajor = new double[columnMajor.Length];
        for (long c = 0; c < columns; c++)
            for (long r = 0; r < rows; r++)
                rowMajor[r * columns + c] = columnMajor[c * rows + r];
        return rowMajor;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(" ", bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    internal static FeatureFileException Fail(string path, string problem) => new(path, problem);
}

/// <summary>A .npy element type we read: kind ('f' float, 'i' signed, 'u' unsigned integer), size in bytes, byte order.</summary>
internal sealed record NpyType(string Descr, char Kind, int Size, bool BigEndian)
{
    private const string Supported = "float32, float64, int32, int64 ('f4', 'f8', 'i4', 'i8', either byte order) and uint8 ('u1')";

    /// <summary>A descr such as '&lt;f8': byte order ('&lt;' little, '&gt;' big, '|' not applicable, '=' native), kind, size.</summary>
    public static NpyType Parse(string path, object descr)
    {
        if (descr is not string text)
            throw NpyFormat.Fail(path, $"has a structured dtype (a list of fields); only plain numeric arrays are read: {Supported}");
        if (text.Length >= 3 && "<>|=".Contains(text[0])
            && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && (text[1], size) is ('f', 4) or ('f', 8) or ('i', 4) or ('i', 8) or ('u', 1))
        {
            var bigEndian = text[0] == '>' || (text[0] == '=' && !BitConverter.IsLittleEndian);
            return new NpyType(text, text[1], size, bigEndian);
        }
        throw NpyFormat.Fail(path, $"has dtype '{text}'{Describe(text)}; supported: {Supported}");
    }

    public void Convert(ReadOnlySpan<byte> bytes, Span<double> into)
    {
        switch (Kind, Size)
        {
            case ('f', 4):
                for (var i = 0; i < into.Length; i++)
                {
                    var b = bytes.Slice(4 * i, 4);
                    into[i] = BigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b);
                }
                break;
            case ('f', 8):
                for (var i = 0; i < into.Length; i++)
                {
                    var b = bytes.Slice(8 * i, 8);
                    into[i] = BigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b);
                }
                break;
            case ('i', 4):
                for (var i = 0; i < into.Length; i++)
                {
                    var b = bytes.Slice(4 * i, 4);
                    into[i] = BigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
                }
                break;
            case ('i', 8):
                for (var i = 0; i < into.Length; i++)
                {
                    var b = bytes.Slice(8 * i, 8);
                    into[i] = BigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
                }
                break;
            default: // ('u', 1)
                for (var i = 0; i < into.Length; i++) into[i] = bytes[i];
                break;
        }
    }

    // What NumPy's kind letters mean, to name an unsupported dtype in words.
    private static string Describe(string descr)
    {
        var kind = descr.Length >= 2 ? descr[1] switch
        {
            'b' => "boolean",
            'i' => "signed integer",
            'u' => "unsigned integer",
            'f' => "floating point",
            'c' => "complex",
            'm' => "timedelta",
            'M' => "datetime",
            'O' => "Python objects",
            'S' or 'a' => "byte strings",
            'U' => "unicode strings",
            'V' => "raw bytes",
            _ => null,
        } : null;
        if (kind is null) return "";
        return int.TryParse(descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 && kind != "Python objects"
            ? $" ({kind}, {size} byte{(size == 1 ? "" : "s")})"
            : $" ({kind})";
    }
}
