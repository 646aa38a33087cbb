using System.Text;
using GanKit.IO;
using TorchSharp.Modules;
using TorchSharp.Native;
using static TorchSharp.torch;

namespace TorchSharp.Serialization;

/// <summary>
/// TorchSharp's weight-file format, byte for byte, so files move between GanKit and TorchSharp:
/// an unsigned LEB128 entry count, then per entry the name as <see cref="BinaryWriter.Write(string)"/>
/// writes it (7-bit-encoded UTF-8 length, then the bytes) and the tensor: LEB128 dtype code
/// (c10::ScalarType numbering), LEB128 rank, LEB128 sizes, and the raw little-endian elements in
/// row-major order.
/// </summary>
internal static class StateDictFormat
{
    private const int MaxRank = 64;

    /// <summary>
    /// Writes a file through <paramref name="write"/>, atomically. Like TorchSharp's save, a missing folder
    /// is an error, not created.
    /// </summary>
    public static void SaveFile(string location, Action<BinaryWriter> write) =>
        AtomicFile.Write(location, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            write(writer);
        }, createFolder: false);

    public static void Write(BinaryWriter writer, IEnumerable<KeyValuePair<string, Tensor>> entries)
    {
        var list = entries.ToList();
        Encode(writer, list.Count);
        foreach (var (name, tensor) in list) {
            writer.Write(name);
            WriteTensor(writer, tensor);
        }
        writer.Flush();
    }

    public static void WriteTensor(BinaryWriter writer, Tensor tensor)
    {
        Encode(writer, (long)tensor.dtype);
        var shape = tensor.shape;
        Encode(writer, shape.Length);
        foreach (var s in shape) Encode(writer, s);
        writer.Write(RawBytes(tensor));
    }

    private static unsafe byte[] RawBytes(Tensor tensor)
    {
        // copy_out brings the elements to the CPU in row-major order, whatever the layout.
        var bytes = new byte[tensor.numel() * tensor.ElementSize];
        fixed (byte* p = bytes) NativeMethods.Check(NativeMethods.gk_tensor_copy_out(tensor.Handle, p, bytes.LongLength));
        return bytes;
    }

    /// <summary>
    /// Reads entries into the matching tensors of <paramref name="destination"/>, with TorchSharp's
    /// checks: strict demands the same entry count and names; dtype and shape must match.
    /// </summary>
    public static void Read(BinaryReader reader, Dictionary<string, Tensor> destination, bool strict, IList<string> skip, Dictionary<string, bool>? loadedParameters)
    {
        var count = Decode(reader);
        if (count < 0 || count > int.MaxValue) throw new InvalidDataException($"Corrupt weight file: entry count {count}.");
        if (strict && count != destination.Count)
            throw new ArgumentException($"Mismatched state_dict sizes: expected {destination.Count}, but found {count} entries.");
        for (long i = 0; i < count; i++) {
            var key = reader.ReadString();
            var found = destination.TryGetValue(key, out var target);
            if (!found && strict)
                throw new ArgumentException($"Mismatched module state names: the target modules does not have a submodule or buffer named '{key}'");
            ReadTensor(reader, key, found && !skip.Contains(key) ? target : null);
            loadedParameters?.Add(key, found);
        }
    }

    /// <summary>Reads one tensor record; copies it into <paramref name="target"/>, or skips its bytes when null.</summary>
    public static unsafe void ReadTensor(BinaryReader reader, string key, Tensor? target)
    {
        var code = Decode(reader);
        // An unknown code can match no module's dtype: TorchSharp's mismatch error.
        if (code > sbyte.MaxValue || !Enum.IsDefined(typeof(ScalarType), (sbyte)code))
            throw new ArgumentException($"Mismatched tensor data types while loading '{key}': the file has unknown element type code {code}. Make sure that the model you are loading into is exactly the same as the origin.");
        var type = (ScalarType)code;
        var rank = Decode(reader);
        if (rank < 0 || rank > MaxRank) throw new InvalidDataException($"Corrupt weight file: entry '{key}' has rank {rank}.");
        var shape = new long[rank];
        long count = 1;
        for (int d = 0; d < rank; d++) {
            shape[d] = Decode(reader);
            count = checked(count * shape[d]);
        }
        var byteCount = checked(count * ElementSize(type));
        var remaining = reader.BaseStream.CanSeek ? reader.BaseStream.Length - reader.BaseStream.Position : long.MaxValue;
        if (byteCount > remaining)
            throw new EndOfStreamException($"Weight file ends inside entry '{key}': it needs {byteCount} bytes of data, only {remaining} remain.");
        if (target is null) {
            if (reader.BaseStream.CanSeek) reader.BaseStream.Seek(byteCount, SeekOrigin.Current);
            else reader.ReadBytes(checked((int)byteCount));
            return;
        }
        if (type != target.dtype)
            throw new ArgumentException($"Mismatched tensor data types while loading '{key}': the file has {type}, the module {target.dtype}. Make sure that the model you are loading into is exactly the same as the origin.");
        if (!shape.SequenceEqual(target.shape))
            throw new ArgumentException($"Mismatched tensor shape while loading '{key}': the file has [{string.Join(", ", shape)}], the module [{string.Join(", ", target.shape)}]. Make sure that the model you are loading into is exactly the same as the origin.");
        var bytes = reader.ReadBytes(checked((int)byteCount));
        if (bytes.Length != byteCount) throw new EndOfStreamException($"Weight file ends inside entry '{key}'.");
        IntPtr handle;
        fixed (byte* p = bytes)
        fixed (long* s = shape) {
            NativeMethods.Check(NativeMethods.gk_tensor_from_data(p, (int)type, s, shape.Length, out handle));
        }
        using var loaded = new Tensor(handle);
        ParameterData.CopyInto(target, loaded);
    }

    /// <summary>Unsigned LEB128, as TorchSharp's <c>BinaryWriter.Encode</c>.</summary>
    public static void Encode(BinaryWriter writer, long value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "LEB128 encoding of negative numbers");
        while (true) {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            if (value == 0) {
                writer.Write(b);
                return;
            }
            writer.Write((byte)(b | 0x80));
        }
    }

    public static long Decode(BinaryReader reader)
    {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) throw new InvalidDataException("Corrupt weight file: a LEB128 number runs past 64 bits.");
            long b = reader.ReadByte();
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }
}
