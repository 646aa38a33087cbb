using System.Text;

namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>CRC-32C and the TFRecord framing, against published check values and records written by other tools.</summary>
public sealed class Crc32CTests
{
    [Fact]
    public void Crc32CGivesTheStandardCheckValue()
    {
        // The check value of CRC-32C (the CRC catalogue, RFC 3720's polynomial): crc32c("123456789").
        Assert.Equal(0xE3069283u, TorchSharp.Utils.CRC32C.process(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, TorchSharp.Utils.CRC32C.process(Array.Empty<byte>()));
    }

    [Fact]
    public void Crc32CAgreesWithTheBitwiseDefinitionForEveryLengthAndTheIntegerForms()
    {
        var random = new Random(7);
        for (var length = 0; length <= 67; length++) {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(ReferenceCrc.Compute(ReferenceCrc.Castagnoli, data), TorchSharp.Utils.CRC32C.process(data));
        }
        Assert.Equal(ReferenceCrc.Compute(ReferenceCrc.Castagnoli, BitConverter.GetBytes(-123456789)), TorchSharp.Utils.CRC32C.process(-123456789));
        Assert.Equal(ReferenceCrc.Compute(ReferenceCrc.Castagnoli, BitConverter.GetBytes(0x0102030405060708L)), TorchSharp.Utils.CRC32C.process(0x0102030405060708L));
    }
}
