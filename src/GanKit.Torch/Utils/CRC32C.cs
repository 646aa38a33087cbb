using System.Buffers.Binary;
using System.Numerics;

namespace TorchSharp.Utils;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of TensorFlow's record files.
/// .NET has no CRC-32C hash class (System.IO.Hashing offers CRC-32 and CRC-64 only), but
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> is the in-box CRC-32C step, hardware-accelerated
/// (SSE4.2, Arm CRC) where the processor has it; the standard pre- and post-inversion are added here.
/// </summary>
public static class CRC32C
{
    /// <summary>The CRC-32C of a byte array.</summary>
    public static uint process(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Compute(data);
    }

    /// <summary>The CRC-32C of a 32-bit integer's four little-endian bytes.</summary>
    public static uint process(int data)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, data);
        return Compute(bytes);
    }

    /// <summary>The CRC-32C of a 64-bit integer's eight little-endian bytes.</summary>
    public static uint process(long data)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, data);
        return Compute(bytes);
    }

    internal static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        while (data.Length >= sizeof(ulong)) {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
