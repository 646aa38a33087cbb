namespace GanKit.Data.Images;

/// <summary>
/// Loads a folder of images as a dataset, like torchvision's <c>ImageFolder</c> with the DCGAN transform: every image
/// decoded (<see cref="ImageDecoder"/>), resized and center-cropped (<see cref="ImageTransform"/>) once, on all cores,
/// and the result kept in the data cache until a file of the folder changes.
/// </summary>
/// <remarks>
/// Layout: image files directly in the folder (one class, named after the folder), or one sub-folder per class with
/// the images anywhere below it; classes sorted by name, files in torchvision's order (sorted folder by folder). Read:
/// .jpg, .jpeg, .png, .webp, .bmp, .gif (any case). Hidden files and folders (name starting with '.') are ignored;
/// other files, files beside class folders and files that do not decode are left out and listed with the reason
/// (<see cref="ImageFolderDataset.Skipped"/>).
/// </remarks>
public static class ImageFolder
{
    /// <summary>
    /// The images of <paramref name="folder"/> as float32 (N, 3, S, S) in [−1, 1], S = the transform's crop size.
    /// The first load decodes every file (reporting to <paramref name="progress"/>) and writes one cache file under
    /// <c>&lt;cache&gt;/image-folders/</c>; later loads read it back, unless a file was added, removed or changed
    /// (size or last write time) or the transform differs, in which case the folder is decoded again and the cache
    /// file replaced. A damaged cache file is never used.
    /// </summary>
    /// <param name="transform">Resize and crop sizes; null: 64 and 64.</param>
    /// <param name="cacheFolder">The data cache; null: <see cref="DataCache.Locate"/>.</param>
    /// <param name="progress">Told how many image files are decoded, one report at a time and in order (e.g.
    /// <see cref="LiveImageFolderProgress"/>); nothing is reported when the cache is used.</param>
    /// <exception cref="DatasetNotFoundException">The folder is missing, or holds no image that decodes: the message says what it holds.</exception>
    public static ImageFolderDataset Load(string folder, ImageTransform? transform = null, string? cacheFolder = null, IProgress<ImageFolderProgress>? progress = null)
    {
        transform ??= new ImageTransform();
        var scan = ImageFolderScan.Scan(folder);
        var fingerprint = new ImageFolderFingerprint(scan.Folder, transform.ResizeSize, transform.CropSize, transform.Background?.ToString(), transform.Grayscale, scan.ClassNames, scan.Files);
        var cachePath = ImageFolderCache.PathFor(DataCache.Locate(cacheFolder), fingerprint);
        var content = ImageFolderCache.TryRead(cachePath, fingerprint);
        var fromCache = content is not null;
        if (content is null)
        {
            content = Decode(scan, transform, progress);
            if (content.Images.Count == 0) throw NoImages(scan, content.Skipped);
            ImageFolderCache.Write(cachePath, fingerprint, content);
        }
        return new ImageFolderDataset(scan.Folder, transform, scan.ClassNames, content, fromCache, cachePath);
    }

    private static ImageFolderContent Decode(ImageFolderScan scan, ImageTransform transform, IProgress<ImageFolderProgress>? progress)
    {
        // Per file of the scan: its pixels once decoded, or why it is left out.
        var pixels = new byte[]?[scan.Files.Count];
        var reasons = scan.SkipReasons.ToArray();
        var toDecode = Enumerable.Range(0, scan.Files.Count).Where(file => reasons[file] is null).ToArray();
        var done = 0;
        var gate = new object();
        progress?.Report(new ImageFolderProgress(0, toDecode.Length));
        Parallel.For(0, toDecode.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var file = toDecode[i];
            if (ImageDecoder.TryDecode(Path.Combine(scan.Folder, scan.Files[file].File), out var image, out var failure, transform.Background))
                pixels[file] = transform.ResizeAndCrop(image).ToChannelsFirst();
            else
                reasons[file] = failure;
            if (progress is null) return;
            // One report at a time and in order, so a display need not be thread-safe.
            lock (gate) progress.Report(new ImageFolderProgress(++done, toDecode.Length));
        });

        var images = new List<FolderImage>();
        var skipped = new List<SkippedFile>();
        for (var file = 0; file < scan.Files.Count; file++)
        {
            if (reasons[file] is { } reason) skipped.Add(new SkippedFile(scan.Files[file].File, reason));
            else images.Add(new FolderImage(scan.Files[file].File, scan.Labels[file]));
        }
        return new ImageFolderContent(images, skipped, pixels.OfType<byte[]>().ToList());
    }

    private static DatasetNotFoundException NoImages(ImageFolderScan scan, IReadOnlyList<SkippedFile> skipped)
    {
        const int listed = 5;
        var found = skipped.Count == 0
            ? "it holds no files" + (scan.HasClassFolders ? $" (in class folders {string.Join(", ", scan.ClassNames)})" : "")
            : $"it holds {skipped.Count} file(s), none a readable image: " + string.Join("; ", skipped.Take(listed).Select(s => $"{s.File}: {s.Reason}"))
              + (skipped.Count > listed ? $"; and {skipped.Count - listed} more" : "");
        return new DatasetNotFoundException(
            $"no image in {scan.Folder}: {found}. An image folder holds {string.Join(", ", ImageDecoder.Extensions)} files, " +
            "directly or in one sub-folder per class.");
    }
}
