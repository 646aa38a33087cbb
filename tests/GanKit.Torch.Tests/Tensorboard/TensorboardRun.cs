namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>A temporary log folder for one test, deleted afterwards, with helpers to find and read its event files.</summary>
internal sealed class TensorboardRun : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("gankit-tb-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>The one event file directly in <paramref name="folder"/> (default: the run folder).</summary>
    public static string SingleEventFile(string folder)
    {
        var files = Directory.GetFiles(folder, "events.out.tfevents.*");
        Assert.Single(files);
        return files[0];
    }

    /// <summary>The events after the file_version event, which every file starts with.</summary>
    public static IReadOnlyList<TbEvent> SummaryEvents(string folder)
    {
        var events = EventFileReader.ReadAll(SingleEventFile(folder));
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        return events.Skip(1).ToList();
    }

    /// <summary>The one value of an event that carries one.</summary>
    public static TbValue SingleValue(TbEvent e)
    {
        Assert.Null(e.FileVersion);
        return Assert.Single(e.Values);
    }
}
