using System.Globalization;
using GanKit.Display.Tables;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data.Images;

/// <summary>
/// An image folder loaded by <see cref="ImageFolder.Load"/>: <see cref="Images"/> float32 (N, 3, S, S) in [−1, 1],
/// <see cref="Labels"/> int64 (N), held as one <see cref="TensorDataset"/> (columns images, labels) to hand to a
/// <see cref="TensorLoader"/>; the files they came from and the files left out. Owns its tensors.
/// </summary>
public sealed class ImageFolderDataset : IDisposable
{
    private readonly LabelledImages _data;

    internal ImageFolderDataset(string folder, ImageTransform transform, IReadOnlyList<string> classNames, ImageFolderContent content, bool fromCache, string cachePath)
    {
        Folder = folder;
        Transform = transform;
        ClassNames = classNames;
        Files = content.Images.Select(i => i.File).ToList();
        Skipped = content.Skipped;
        FromCache = fromCache;
        CachePath = cachePath;
        using var scope = NewDisposeScope();
        var labels = tensor(content.Images.Select(i => (long)i.Label).ToArray());
        _data = new LabelledImages(Normalized(content.Pixels, transform.CropSize), labels);
    }

    /// <summary>
    /// The images as one float32 (N, 3, S, S) tensor in [−1, 1], filled a chunk at a time, so that on top of the
    /// result only one chunk of bytes is ever held twice.
    /// </summary>
    private static Tensor Normalized(IReadOnlyList<byte[]> pixels, int size)
    {
        const int chunk = 1024;
        var imageBytes = 3 * size * size;
        var images = empty([pixels.Count, 3, size, size], ScalarType.Float32);
        var bytes = new byte[Math.Min(chunk, pixels.Count) * imageBytes];
        for (var start = 0; start < pixels.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(chunk, pixels.Count - start);
            for (var i = 0; i < count; i++) pixels[start + i].CopyTo(bytes, i * imageBytes);
            var part = tensor(bytes.AsSpan(0, count * imageBytes).ToArray(), [count, 3, size, size]);
            images.narrow(0, start, count).copy_(ImageTransform.ToNormalizedTensor(part));
        }
        return images;
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    public string Name => Path.GetFileName(Folder);

    public ImageTransform Transform { get; }

    /// <summary>The name of each label, label 0 first: the class folders, or the folder's own name when it has none.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Each image's file, relative to <see cref="Folder"/> ('/'-separated), in dataset order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The files left out, with the reason, in folder order.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>Whether the images were read from <see cref="CachePath"/> rather than decoded.</summary>
    public bool FromCache { get; }

    /// <summary>The cache file of this folder and transform.</summary>
    public string CachePath { get; }

    /// <summary>Columns <see cref="Images"/>, <see cref="Labels"/>.</summary>
    public TensorDataset Dataset => _data.Dataset;

    public Tensor Images => _data.Images;

    public Tensor Labels => _data.Labels;

    public long Count => _data.Count;

    /// <summary>How many images each class has, label 0 first.</summary>
    public long[] CountPerClass() => _data.CountPerClass(ClassNames.Count);

    /// <summary>The skipped files as a table (file, reason), to show in a notebook.</summary>
    public Table SkippedTable()
    {
        var table = new Table("file", "reason") { Title = $"{Skipped.Count} file(s) of {Folder} left out" };
        foreach (var skipped in Skipped) table.AddRow(skipped.File, skipped.Reason);
        return table;
    }

    public override string ToString()
    {
        var size = Transform.CropSize;
        var classes = ClassNames.Count == 1 ? "1 class" : $"{ClassNames.Count} classes";
        var source = FromCache ? "read from the cache" : "decoded and cached";
        return string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} images of 3×{2}×{2}, {3}, {4:N0} file(s) skipped; {5} ({6})",
            Name, Count, size, classes, Skipped.Count, source, CachePath);
    }

    public void Dispose() => _data.Dispose();
}
