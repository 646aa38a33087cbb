using GanKit.Display.Progress;

namespace GanKit.Data.Images;

/// <summary>How far <see cref="ImageFolder.Load"/> is with decoding: <paramref name="Done"/> of <paramref name="Total"/> image files.</summary>
public readonly record struct ImageFolderProgress(int Done, int Total);

/// <summary>
/// Shows <see cref="ImageFolder.Load"/>'s decoding as a <see cref="LiveProgress"/> bar, made at the first report
/// (when the number of files is known) and completed at the last; a load served from the cache shows nothing.
/// Reports arrive in order, one at a time (the loader serialises them), so no locking is needed here.
/// </summary>
public sealed class LiveImageFolderProgress(string title = "decoding images") : IProgress<ImageFolderProgress>
{
    /// <summary>The bar, once decoding has started.</summary>
    public LiveProgress? Display { get; private set; }

    public void Report(ImageFolderProgress value)
    {
        Display ??= new LiveProgress(value.Total, title, stepUnit: "image");
        Display.Report(value.Done);
        if (value.Done == value.Total) Display.Complete();
    }
}
