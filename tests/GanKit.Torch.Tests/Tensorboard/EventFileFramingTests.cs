using TorchSharp.Utils.tensorboard;

namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>
/// The TFRecord framing of our binding's event files, against records written by other tools. It tests the binding's
/// internals, so it is compiled only when the tests run on our binding (see the project file); on either backend the
/// files a SummaryWriter writes are read back by this project's own reader (<see cref="EventFileReader"/>).
/// </summary>
public sealed class EventFileFramingTests
{
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
