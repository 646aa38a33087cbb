using System.Buffers.Binary;
using Google.Protobuf;

namespace GanKit.Torch.Tests.Tensorboard;

internal sealed record TbEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<TbValue> Values);

internal sealed record TbValue(string Tag, float? SimpleValue, TbImage? Image, TbHistogram? Histogram, TbTensor? Tensor, TbPlugin? Plugin);

internal sealed record TbImage(int Height, int Width, int Colorspace, byte[] Encoded);

internal sealed record TbHistogram(double Min, double Max, double Num, double Sum, double SumSquares, double[] BucketLimit, double[] Bucket);

internal sealed record TbTensor(int Dtype, long[] Shape, byte[][] StringVal);

internal sealed record TbPlugin(string Name, byte[] Content);

/// <summary>
/// Reads an event file from the formats' specifications, not from the writer's code: TFRecords
/// (uint64 length, masked CRC-32C of it, data, masked CRC-32C of the data, all little-endian; both
/// CRCs verified), each an Event decoded field by field with CodedInputStream, using TensorFlow's
/// field numbers (event.proto, summary.proto, tensor.proto, tensor_shape.proto). Strict: an unknown
/// field, a wrong wire type or a trailing partial record fails.
/// </summary>
internal static class EventFileReader
{
    /// <summary>Reads while a writer may still hold the file open, as TensorBoard does.</summary>
    public static IReadOnlyList<TbEvent> ReadAll(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)) {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        return Records(bytes).Select(ParseEvent).ToList();
    }

    public static IEnumerable<byte[]> Records(byte[] file)
    {
        var offset = 0;
        while (offset < file.Length) {
            if (file.Length - offset < 12) throw new InvalidDataException($"partial record header at byte {offset}");
            var header = file.AsSpan(offset, 8);
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header));
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8)) != ReferenceCrc.Masked(header))
                throw new InvalidDataException($"length CRC mismatch at byte {offset}");
            if (file.Length - offset < 12 + length + 4) throw new InvalidDataException($"partial record at byte {offset}");
            var data = file.AsSpan(offset + 12, length).ToArray();
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 12 + length)) != ReferenceCrc.Masked(data))
                throw new InvalidDataException($"data CRC mismatch at byte {offset}");
            yield return data;
            offset += 12 + length + 4;
        }
    }

    public static TbEvent ParseEvent(byte[] data)
    {
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        var values = new List<TbValue>();
        Parse(data, (input, field) => {
            switch (field) {
                case 1: wallTime = input.ReadDouble(); return WireFormat.WireType.Fixed64;
                case 2: step = input.ReadInt64(); return WireFormat.WireType.Varint;
                case 3: fileVersion = input.ReadString(); return WireFormat.WireType.LengthDelimited;
                case 5: Parse(input.ReadBytes().ToByteArray(), (summary, f) => {
                    if (f != 1) return null;
                    values.Add(ParseValue(summary.ReadBytes().ToByteArray()));
                    return WireFormat.WireType.LengthDelimited;
                }); return WireFormat.WireType.LengthDelimited;
                default: return null;
            }
        });
        return new TbEvent(wallTime, step, fileVersion, values);
    }

    private static TbValue ParseValue(byte[] data)
    {
        var tag = "";
        float? simple = null;
        TbImage? image = null;
        TbHistogram? histogram = null;
        TbTensor? tensor = null;
        TbPlugin? plugin = null;
        Parse(data, (input, field) => {
            switch (field) {
                case 1: tag = input.ReadString(); return WireFormat.WireType.LengthDelimited;
                case 2: simple = input.ReadFloat(); return WireFormat.WireType.Fixed32;
                case 4: image = ParseImage(input.ReadBytes().ToByteArray()); return WireFormat.WireType.LengthDelimited;
                case 5: histogram = ParseHistogram(input.ReadBytes().ToByteArray()); return WireFormat.WireType.LengthDelimited;
                case 8: tensor = ParseTensor(input.ReadBytes().ToByteArray()); return WireFormat.WireType.LengthDelimited;
                case 9: plugin = ParseMetadata(input.ReadBytes().ToByteArray()); return WireFormat.WireType.LengthDelimited;
                default: return null;
            }
        });
        return new TbValue(tag, simple, image, histogram, tensor, plugin);
    }

    private static TbImage ParseImage(byte[] data)
    {
        int height = 0, width = 0, colorspace = 0;
        var encoded = Array.Empty<byte>();
        Parse(data, (input, field) => {
            switch (field) {
                case 1: height = input.ReadInt32(); return WireFormat.WireType.Varint;
                case 2: width = input.ReadInt32(); return WireFormat.WireType.Varint;
                case 3: colorspace = input.ReadInt32(); return WireFormat.WireType.Varint;
                case 4: encoded = input.ReadBytes().ToByteArray(); return WireFormat.WireType.LengthDelimited;
                default: return null;
            }
        });
        return new TbImage(height, width, colorspace, encoded);
    }

    private static TbHistogram ParseHistogram(byte[] data)
    {
        var scalars = new double[5];
        double[] limits = [], buckets = [];
        Parse(data, (input, field) => {
            switch (field) {
                case >= 1 and <= 5: scalars[field - 1] = input.ReadDouble(); return WireFormat.WireType.Fixed64;
                case 6: limits = PackedDoubles(input.ReadBytes()); return WireFormat.WireType.LengthDelimited;
                case 7: buckets = PackedDoubles(input.ReadBytes()); return WireFormat.WireType.LengthDelimited;
                default: return null;
            }
        });
        return new TbHistogram(scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], limits, buckets);
    }

    private static double[] PackedDoubles(ByteString bytes)
    {
        if (bytes.Length % 8 != 0) throw new InvalidDataException("packed doubles whose length is not a multiple of 8");
        var array = bytes.ToByteArray();
        return Enumerable.Range(0, array.Length / 8).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(array.AsSpan(i * 8))).ToArray();
    }

    private static TbPlugin ParseMetadata(byte[] data)
    {
        TbPlugin? plugin = null;
        Parse(data, (input, field) => {
            if (field != 1) return null;
            var name = "";
            var content = Array.Empty<byte>();
            Parse(input.ReadBytes().ToByteArray(), (pluginData, f) => {
                switch (f) {
                    case 1: name = pluginData.ReadString(); return WireFormat.WireType.LengthDelimited;
                    case 2: content = pluginData.ReadBytes().ToByteArray(); return WireFormat.WireType.LengthDelimited;
                    default: return null;
                }
            });
            plugin = new TbPlugin(name, content);
            return WireFormat.WireType.LengthDelimited;
        });
        return plugin ?? throw new InvalidDataException("SummaryMetadata without plugin_data");
    }

    private static TbTensor ParseTensor(byte[] data)
    {
        var dtype = 0;
        var shape = new List<long>();
        var strings = new List<byte[]>();
        Parse(data, (input, field) => {
            switch (field) {
                case 1: dtype = input.ReadEnum(); return WireFormat.WireType.Varint;
                case 2:
                    Parse(input.ReadBytes().ToByteArray(), (shapeInput, f) => {
                        if (f != 2) return null;
                        Parse(shapeInput.ReadBytes().ToByteArray(), (dim, g) => {
                            if (g != 1) return null;
                            shape.Add(dim.ReadInt64());
                            return WireFormat.WireType.Varint;
                        });
                        return WireFormat.WireType.LengthDelimited;
                    });
                    return WireFormat.WireType.LengthDelimited;
                case 8: strings.Add(input.ReadBytes().ToByteArray()); return WireFormat.WireType.LengthDelimited;
                default: return null;
            }
        });
        return new TbTensor(dtype, shape.ToArray(), strings.ToArray());
    }

    /// <summary>
    /// Walks a message's fields; <paramref name="readField"/> reads a known field and returns the wire
    /// type it expects (checked against the tag), or null for a field this reader does not know.
    /// </summary>
    private static void Parse(byte[] data, Func<CodedInputStream, int, WireFormat.WireType?> readField)
    {
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0) {
            var field = WireFormat.GetTagFieldNumber(tag);
            var wireType = WireFormat.GetTagWireType(tag);
            var position = input.Position;
            var expected = readField(input, field) ?? throw new InvalidDataException($"unexpected field {field}");
            if (expected != wireType) throw new InvalidDataException($"field {field} has wire type {wireType}, expected {expected} (at byte {position})");
        }
    }
}
