using System.Text;
using TorchSharp.Utils.tensorboard;

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

    [Fact]
    public void MaskedCrcOfTheFirstRecordLengthIsTheOneInEveryTensorFlowEventFile()
    {
        // The first record of a TensorFlow event file is 24 bytes (wall_time + "brain.Event:2"), so every
        // such file starts 18 00 00 00 00 00 00 00 a3 7f 4b 22: masked crc32c of the length is 0x224b7fa3.
        Assert.Equal(0x224B7FA3u, EventFile.MaskedCrc(BitConverter.GetBytes(24L)));
        Assert.Equal(0x224B7FA3u, ReferenceCrc.Masked(BitConverter.GetBytes(24L)));
    }

    public static TheoryData<string, string> PublishedRecords() => new() {
        // TensorBoard's event_file_loader_test: a file_version record written by TensorFlow.
        { "file_version 2, TensorBoard", "18000000000000 00a37f4b22 0900000027e6b3d541 1a0d627261696e2e4576656e743a32 6a4d0b15" },
        // tensorboard_logger's test_serialization (dummy time 256.5): the first record and two scalars.
        { "file_version 2, tensorboard_logger", "18000000000000 00a37f4b22 09000000000008 7040 1a0d627261696e2e4576656e743a32 bc98212b" },
        { "scalar v/1", "19000000000000 008bf10828 09000000000008 7040 1001 2a0c 0a0a 0a03762f31 150000c03f 2cecc087" },
        { "scalar v/22", "1a000000000000 00129bd82d 09000000000008 7040 1002 2a0d 0a0b 0a04762f3232 1500008041 8fa3b688" },
    };

    [Theory]
    [MemberData(nameof(PublishedRecords))]
    public void RecordsAreByteForByteThoseOtherWritersPublish(string what, string hex)
    {
        var expected = Convert.FromHexString(hex.Replace(" ", ""));
        var parsed = EventFileReader.ParseEvent(Assert.Single(EventFileReader.Records(expected)));
        var message = parsed.FileVersion is { } version
            ? new EventMessage(parsed.WallTime, parsed.Step, fileVersion: version)
            : new EventMessage(parsed.WallTime, parsed.Step, summary: new SummaryMessage(SummaryValue.Scalar(parsed.Values[0].Tag, parsed.Values[0].SimpleValue!.Value)));
        Assert.True(expected.SequenceEqual(EventFile.Frame(message.ToByteArray())), what);
    }
}
