using System.Buffers.Binary;
using System.Numerics;
using Google.Protobuf;

namespace GanKit.Tracking;

/// <summary>One value of a TensorBoard summary: a scalar, an encoded image, or text.</summary>
public sealed record SummaryValue(string Tag, long Step, double WallTime)
{
    public float? Scalar { get; init; }

    /// <summary>The encoded image (PNG for TorchSharp's writer), with its size.</summary>
    public byte[]? Image { get; init; }

    public int ImageWidth { get; init; }

    public int ImageHeight { get; init; }

    public string? Text { get; init; }
}

/// <summary>
/// Reads TensorBoard event files, so runs can be loaded and compared without TensorBoard. The format: a
/// sequence of records, each a little-endian uint64 length, the masked CRC-32C of those 8 bytes, the data,
/// and the masked CRC-32C of the data; the data is a tensorflow.Event message (event.proto), whose field 5 is
/// a Summary (summary.proto). Every checksum is verified; a record cut short at the end of the file (a
/// writer that is still running, or died) ends the reading, anything else that does not check out throws.
/// </summary>
public static class EventFileReader
{
    /// <summary>Every summary value in every event file of <paramref name="folder"/> (not its sub-folders), in file order.</summary>
    public static IReadOnlyList<SummaryValue> ReadFolder(string folder) =>
        Directory.GetFiles(folder, "events.out.tfevents.*").Order(StringComparer.Ordinal).SelectMany(Read).ToList();

    public static IEnumerable<SummaryValue> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new List<SummaryValue>();
        var position = 0;
        while (bytes.Length - position >= 12)
        {
            var header = bytes.AsSpan(position, 8);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            Check(MaskedCrc32C(header) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 8, 4)), path, position, "length checksum");
            if ((ulong)(bytes.Length - position - 16) < length)
                break; // the last record is still being written
            var data = bytes.AsSpan(position + 12, (int)length);
            Check(MaskedCrc32C(data) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 12 + (int)length, 4)), path, position, "data checksum");
            ReadEvent(data, values, path, position);
            position += 16 + (int)length;
        }
        return values;
    }

    /// <summary>TFRecord's checksum: CRC-32C, rotated right by 15 bits, plus a constant.</summary>
    internal static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = BitOperations.Crc32C(crc, b);
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    // tensorflow.Event: wall_time = 1 (double), step = 2 (int64), summary = 5 (Summary).
    private static void ReadEvent(ReadOnlySpan<byte> data, List<SummaryValue> values, string path, int position)
    {
        var input = new CodedInputStream(data.ToArray());
        double wallTime = 0;
        long step = 0;
        var summaries = new List<ByteString>();
        try
        {
            for (uint tag; (tag = input.ReadTag()) != 0;)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case 1: wallTime = input.ReadDouble(); break;
                    case 2: step = input.ReadInt64(); break;
                    case 5: summaries.Add(input.ReadBytes()); break;
                    default: input.SkipLastField(); break;
                }
            }
            foreach (var summary in summaries)
                ReadSummary(new CodedInputStream(summary.ToByteArray()), step, wallTime, values);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{path}: the event at byte {position} is not a valid tensorflow.Event message: {e.Message}", e);
        }
    }

    // tensorflow.Summary: value = 1 (repeated Summary.Value).
    private static void ReadSummary(CodedInputStream input, long step, double wallTime, List<SummaryValue> values)
    {
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
                values.Add(ReadValue(new CodedInputStream(input.ReadBytes().ToByteArray()), step, wallTime));
            else
                input.SkipLastField();
        }
    }

    // Summary.Value: tag = 1, simple_value = 2 (float), image = 4 (Summary.Image), tensor = 8 (TensorProto).
    private static SummaryValue ReadValue(CodedInputStream input, long step, double wallTime)
    {
        var value = new SummaryValue("", step, wallTime);
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            value = WireFormat.GetTagFieldNumber(tag) switch
            {
                1 => value with { Tag = input.ReadString() },
                2 => value with { Scalar = input.ReadFloat() },
                4 => ReadImage(new CodedInputStream(input.ReadBytes().ToByteArray()), value),
                8 => value with { Text = ReadStringTensor(new CodedInputStream(input.ReadBytes().ToByteArray())) },
                _ => Skip(input, value),
            };
        }
        return value;
    }

    // Summary.Image: height = 1, width = 2, colorspace = 3, encoded_image_string = 4.
    private static SummaryValue ReadImage(CodedInputStream input, SummaryValue value)
    {
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            value = WireFormat.GetTagFieldNumber(tag) switch
            {
                1 => value with { ImageHeight = input.ReadInt32() },
                2 => value with { ImageWidth = input.ReadInt32() },
                4 => value with { Image = input.ReadBytes().ToByteArray() },
                _ => Skip(input, value),
            };
        }
        return value;
    }

    // TensorProto: string_val = 8 (repeated bytes); the text plugin stores one string.
    private static string? ReadStringTensor(CodedInputStream input)
    {
        string? text = null;
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 8)
                text = input.ReadBytes().ToStringUtf8();
            else
                input.SkipLastField();
        }
        return text;
    }

    private static SummaryValue Skip(CodedInputStream input, SummaryValue value)
    {
        input.SkipLastField();
        return value;
    }

    private static void Check(bool ok, string path, int position, string what)
    {
        if (!ok)
            throw new InvalidDataException($"{path}: the record at byte {position} fails its {what}; the file is corrupt");
    }
}
