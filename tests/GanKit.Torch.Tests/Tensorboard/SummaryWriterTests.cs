using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>
/// torch.utils.tensorboard.SummaryWriter: TorchSharp's folder and file names, the file_version event
/// first, scalars (add_scalar, both add_scalars), text as TensorBoard's text plugin reads it, and a
/// file that stays readable while it is written.
/// </summary>
public sealed class SummaryWriterTests : IDisposable
{
    private const string MonthDayTime = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([1-9]|[12][0-9]|3[01])_([0-9]|1[0-9]|2[0-3])-([0-9]|[1-5][0-9])-([0-9]|[1-5][0-9])";

    private readonly TensorboardRun _run = new();

    public void Dispose() => _run.Dispose();

    private static double UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    [Fact]
    public void EventFileIsNamedAsTorchSharpNamesItAndStartsWithTheFileVersionEvent()
    {
        var ticksBefore = DateTime.Now.Ticks;
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        Assert.Equal(_run.Folder, writer.LogDir);
        var ticksAfter = DateTime.Now.Ticks;

        var file = TensorboardRun.SingleEventFile(_run.Folder);
        var match = Regex.Match(Path.GetFileName(file), $@"^events\.out\.tfevents\.(\d+)\.{Regex.Escape(Dns.GetHostName())}\.{Environment.ProcessId}\.(\d+)$");
        Assert.True(match.Success, Path.GetFileName(file));
        Assert.InRange(long.Parse(match.Groups[1].Value), ticksBefore, ticksAfter);

        var e = Assert.Single(EventFileReader.ReadAll(file));
        Assert.Equal("brain.Event:2", e.FileVersion);
        Assert.Equal(0, e.Step);
        Assert.Empty(e.Values);
    }

    [TorchSharpDiffersFact("the file_version event's wall_time is DateTime.Now.Ticks (6.39e17, 100 ns since year 1) "
        + "instead of seconds since 1970; PyTorch's EventFileWriter writes time.time()")]
    public void TheFileVersionEventCarriesTheUnixTime()
    {
        var before = UnixNow();
        torch.utils.tensorboard.SummaryWriter(_run.Folder);
        var after = UnixNow();
        var e = Assert.Single(EventFileReader.ReadAll(TensorboardRun.SingleEventFile(_run.Folder)));
        Assert.InRange(e.WallTime, before, after);
    }

    [Fact]
    public void FilenameSuffixIsAppendedAfterADotAndTwoWritersNeverShareAFile()
    {
        var first = torch.utils.tensorboard.SummaryWriter(_run.Folder, filename_suffix: "gan");
        var second = torch.utils.tensorboard.SummaryWriter(_run.Folder, filename_suffix: "gan");
        var files = Directory.GetFiles(_run.Folder);
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Matches(
            $@"^events\.out\.tfevents\.\d+\.{Regex.Escape(Dns.GetHostName())}\.{Environment.ProcessId}\.\d+\.gan$", Path.GetFileName(f)));
    }

    [Fact]
    public void CreateRunNameAddsATimeAndHostFolderAsTorchSharpDoes()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder, createRunName: true);
        Assert.Equal(_run.Folder, Path.GetDirectoryName(writer.LogDir));
        Assert.Matches($"^{MonthDayTime}_{Regex.Escape(Dns.GetHostName())}$", Path.GetFileName(writer.LogDir));
        TensorboardRun.SingleEventFile(writer.LogDir);
    }

    [Fact]
    public void WithoutLogDirTheRunGoesToATimeNamedFolderUnderRuns()
    {
        var runs = Path.GetFullPath("runs");
        var runsExisted = Directory.Exists(runs);
        string logDir;
        var writer = torch.utils.tensorboard.SummaryWriter();
        logDir = writer.LogDir;
        try {
            Assert.Equal("runs", Path.GetDirectoryName(logDir));
            Assert.Matches($"^{MonthDayTime}_{Regex.Escape(Dns.GetHostName())}$", Path.GetFileName(logDir));
            TensorboardRun.SingleEventFile(logDir);
        } finally {
            Directory.Delete(logDir, recursive: true);
            if (!runsExisted) Directory.Delete(runs);
        }
    }

    [Fact]
    public void ScalarsCarryTagValueStepAndWallTime()
    {
        double before, after;
        {
            var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
            writer.add_scalar("loss/D", 0.6931472f, 3, walltime: 1_700_000_000);
            before = UnixNow();
            writer.add_scalar("loss/G", 0f, 4);
            after = UnixNow();
            writer.add_scalar("lr", -1.25e-3f, int.MaxValue, walltime: 1_700_000_001);
            writer.add_scalar("nan", float.NaN, 0, walltime: 1_700_000_002);
        }
        var events = TensorboardRun.SummaryEvents(_run.Folder);
        Assert.Equal(4, events.Count);
        Assert.Equal((1_700_000_000.0, 3L, "loss/D", 0.6931472f), Scalar(events[0]));
        var (wallTime, step, tag, value) = Scalar(events[1]);
        Assert.InRange(wallTime, Math.Floor(before), after);   // Unix seconds now (TorchSharp's are whole seconds)
        // Zero is written although it is protobuf's default: simple_value is a oneof member.
        Assert.Equal((4L, "loss/G", 0f), (step, tag, value));
        Assert.Equal((1_700_000_001.0, (long)int.MaxValue, "lr", -1.25e-3f), Scalar(events[2]));
        var nan = Scalar(events[3]);
        Assert.True(float.IsNaN(nan.Value));
        Assert.Equal((1_700_000_002.0, 0L, "nan"), (nan.WallTime, nan.Step, nan.Tag));
    }

    [TorchSharpDiffersFact("an event's default wall_time is DateTimeOffset.Now.ToUnixTimeSeconds(), whole seconds; "
        + "PyTorch's is time.time(), to the microsecond, which TensorBoard's relative-time axis shows")]
    public void TheDefaultWallTimeHasFractionsOfASecond()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        var before = UnixNow();
        writer.add_scalar("loss", 1f, 1);
        var after = UnixNow();
        Assert.InRange(Scalar(Assert.Single(TensorboardRun.SummaryEvents(_run.Folder))).WallTime, before, after);
    }

    private static (double WallTime, long Step, string Tag, float Value) Scalar(TbEvent e)
    {
        var v = TensorboardRun.SingleValue(e);
        Assert.Null(v.Image);
        Assert.Null(v.Plugin);
        return (e.WallTime, e.Step, v.Tag, v.SimpleValue ?? throw new Xunit.Sdk.XunitException("no simple_value"));
    }

    [Fact]
    public void AddScalarsWritesEachSeriesToItsOwnRunFolderUnderTheMainTag()
    {
        {
            var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
            writer.add_scalars("loss", new Dictionary<string, float> { ["D"] = 1.5f, ["G"] = 2.5f }, 5, walltime: 100);
            writer.add_scalars("loss", new List<(string, float)> { ("D", 3.5f), ("G", 4.5f) }, 6, walltime: 101);
        }
        Assert.Empty(TensorboardRun.SummaryEvents(_run.Folder));
        Assert.Equal(
            [(100.0, 5L, "loss", 1.5f), (101.0, 6L, "loss", 3.5f)],
            TensorboardRun.SummaryEvents(Path.Combine(_run.Folder, "loss_D")).Select(Scalar));
        Assert.Equal(
            [(100.0, 5L, "loss", 2.5f), (101.0, 6L, "loss", 4.5f)],
            TensorboardRun.SummaryEvents(Path.Combine(_run.Folder, "loss_G")).Select(Scalar));
    }

    [Fact]
    public void TextIsAStringTensorForTheTextPlugin()
    {
        const string text = "**Generator** λ = 0.5 ✓\n\n| a | b |\n|---|---|";
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        writer.add_text("notes", text, 7, walltime: 42);
        var e = Assert.Single(TensorboardRun.SummaryEvents(_run.Folder));
        Assert.Equal((42.0, 7L), (e.WallTime, e.Step));
        var v = TensorboardRun.SingleValue(e);
        Assert.Equal("notes/text_summary", v.Tag);
        Assert.Null(v.SimpleValue);
        Assert.Equal("text", v.Plugin!.Name);
        Assert.Empty(v.Plugin.Content); // an empty TextPluginData (version 0)
        Assert.Equal(7, v.Tensor!.Dtype); // DT_STRING
        Assert.Equal([1L], v.Tensor.Shape);
        Assert.Equal(Encoding.UTF8.GetBytes(text), Assert.Single(v.Tensor.StringVal));
    }

    [Fact]
    public void TheFileIsReadableWhileWrittenAndEveryAddIsInItWhenItReturns()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        var file = TensorboardRun.SingleEventFile(_run.Folder);
        Assert.Single(EventFileReader.ReadAll(file));
        writer.add_scalar("a", 1f, 1, walltime: 10);
        Assert.Equal(2, EventFileReader.ReadAll(file).Count);
        writer.add_text("b", "x", 2, walltime: 11);
        var events = EventFileReader.ReadAll(file);
        Assert.Equal([0L, 1L, 2L], events.Select(e => e.Step));
        // Nothing is held open between adds (the writer has nothing to close): no descriptor of this process is on it.
        Assert.DoesNotContain(Path.GetFullPath(file), Directory.GetFiles("/proc/self/fd")
            .Select(fd => { try { return new FileInfo(fd).LinkTarget; } catch (IOException) { return null; } }));
    }

    [Fact]
    public void NullArgumentsAreRefused()
    {
        // The parameter names differ: ours are the arguments', TorchSharp's those of the protobuf setters it passes them to.
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        Assert.Throws<ArgumentNullException>(() => writer.add_scalar(null!, 1f, 0));
        Assert.Throws<ArgumentNullException>(() => writer.add_text("t", null!, 0));
    }

    [TorchSharpDiffersFact("add_scalars with a null dictionary throws NullReferenceException from its loop over it; "
        + "PyTorch's add_scalars fails on the None too, but .NET's convention for a null argument is ArgumentNullException")]
    public void ANullScalarDictionaryIsRefused()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        Assert.Throws<ArgumentNullException>(() => writer.add_scalars("m", (IDictionary<string, float>)null!, 0));
    }
}
