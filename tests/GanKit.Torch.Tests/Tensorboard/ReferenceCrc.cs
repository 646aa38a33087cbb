namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>
/// Reflected CRC-32 computed bit by bit from its definition, independent of the product's code:
/// CRC-32C (polynomial 0x82F63B78) for TFRecords. (PNG chunks' CRC-32: tests/Shared/PngDecoder.cs.)
/// </summary>
internal static class ReferenceCrc
{
    public const uint Castagnoli = 0x82F63B78;

    public static uint Compute(uint polynomial, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>TFRecord's mask (tensorflow/core/lib/hash/crc32c.h): rotate right by 15 bits, add 0xa282ead8.</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = Compute(Castagnoli, data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }
}
