using System.Buffers.Binary;

namespace TorchSharp.Utils.tensorboard;

/// <summary>
/// One TensorBoard event file: TFRecord framing around serialized <see cref="EventMessage"/>s, the
/// first of them the file_version event, as TensorFlow writes. The file is append-only; as TorchSharp's
/// writer does, each record is appended by opening the file, writing the record in one write and closing it, so
/// nothing stays open between adds, TensorBoard reads the file while it grows, and a crashed process loses
/// nothing it logged (a record cut short by a power loss is the torn tail TensorBoard's reader waits on).
/// </summary>
internal sealed class EventFile
{
    public EventFile(string path)
    {
        Path = path;
        // CreateNew: the name is unique (time, host, process, counter); never clobber another run's file.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        stream.Write(Frame(EventMessage.FileVersion(UnixTime.Now()).ToByteArray()));
    }

    public string Path { get; }

    public void Write(EventMessage message)
    {
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete);
        stream.Write(Frame(message.ToByteArray()));
    }

    /// <summary>
    /// A TFRecord: the data's length as a little-endian uint64, the masked CRC-32C of those 8 bytes,
    /// the data, the masked CRC-32C of the data (each CRC a little-endian uint32).
    /// </summary>
    internal static byte[] Frame(byte[] data)
    {
        var record = new byte[sizeof(ulong) + sizeof(uint) + data.Length + sizeof(uint)];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], MaskedCrc(span[..8]));
        data.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(12 + data.Length)..], MaskedCrc(data));
        return record;
    }

    /// <summary>TFRecord's masked CRC: the CRC-32C rotated right by 15 bits plus 0xa282ead8.</summary>
    internal static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = CRC32C.Compute(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}

/// <summary>Seconds since the Unix epoch, to the millisecond, as Python's time.time() gives TensorBoard.</summary>
internal static class UnixTime
{
    public static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
