namespace GanKit.Data.Images;

/// <summary>A file found in an image folder: its path relative to the folder ('/'-separated), size and last write time.</summary>
internal sealed record FolderFile(string File, long Size, long LastWriteUtcTicks);

/// <summary>
/// The files of an image folder in dataset order, each with its class label or the reason it is left out before
/// decoding. Layout and order follow torchvision's <c>ImageFolder</c>: with sub-folders, each (sorted by name) is a
/// class, and its images are found recursively, folder by folder in sorted path order, files sorted by name within a
/// folder (<c>sorted(os.walk(...))</c>, ordinal order). Files lying beside class folders are left out, as torchvision
/// ignores them. A folder without sub-folders is one class named after the folder (where torchvision would refuse it).
/// Hidden files and folders (name starting with '.') are ignored altogether.
/// </summary>
internal sealed class ImageFolderScan
{
    private ImageFolderScan(string folder, bool hasClassFolders, IReadOnlyList<string> classNames, IReadOnlyList<FolderFile> files, IReadOnlyList<int> labels, IReadOnlyList<string?> skipReasons)
    {
        Folder = folder;
        HasClassFolders = hasClassFolders;
        ClassNames = classNames;
        Files = files;
        Labels = labels;
        SkipReasons = skipReasons;
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>Whether the classes are sub-folders (else the folder is one class).</summary>
    public bool HasClassFolders { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Every (non-hidden) file, in dataset order.</summary>
    public IReadOnlyList<FolderFile> Files { get; }

    /// <summary>Per file: its class.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Per file: why it is left out without decoding, or null for a file to decode.</summary>
    public IReadOnlyList<string?> SkipReasons { get; }

    /// <exception cref="DatasetNotFoundException">The folder does not exist.</exception>
    public static ImageFolderScan Scan(string folder)
    {
        // Without a trailing separator, "x/" and "x" are the same folder (one name, one cache file).
        var root = new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (!root.Exists)
            throw new DatasetNotFoundException(File.Exists(root.FullName)
                ? $"image folder {root.FullName} is a file, not a folder"
                : $"image folder {root.FullName} does not exist");
        var files = new List<FolderFile>();
        var labels = new List<int>();
        var reasons = new List<string?>();
        void Add(FileInfo file, int label, string? reason)
        {
            files.Add(new FolderFile(Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/'), file.Length, file.LastWriteTimeUtc.Ticks));
            labels.Add(label);
            reasons.Add(reason ?? (ImageDecoder.HasImageExtension(file.Name) ? null : ExtensionReason));
        }

        var classFolders = Visible(root.EnumerateDirectories()).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        if (classFolders.Count == 0)
        {
            foreach (var file in SortedFiles(root)) Add(file, 0, null);
            return new ImageFolderScan(root.FullName, false, [root.Name], files, labels, reasons);
        }
        foreach (var file in SortedFiles(root)) Add(file, -1, BesideClassesReason);
        for (var label = 0; label < classFolders.Count; label++)
        {
            foreach (var directory in Walk(classFolders[label]).OrderBy(d => d.FullName, StringComparer.Ordinal))
            {
                foreach (var file in SortedFiles(directory)) Add(file, label, null);
            }
        }
        return new ImageFolderScan(root.FullName, true, classFolders.Select(d => d.Name).ToList(), files, labels, reasons);
    }

    private static string ExtensionReason { get; } =
        $"not an image file name (the extensions read are {string.Join(", ", ImageDecoder.Extensions)})";

    private const string BesideClassesReason = "beside the class folders (with sub-folders, each is a class and only their images are read)";

    private static IEnumerable<T> Visible<T>(IEnumerable<T> entries) where T : FileSystemInfo =>
        entries.Where(e => !e.Name.StartsWith('.'));

    private static IEnumerable<FileInfo> SortedFiles(DirectoryInfo directory) =>
        Visible(directory.EnumerateFiles()).OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>A folder and every folder below it; linked folders are followed (as torchvision does), each real folder once.</summary>
    private static List<DirectoryInfo> Walk(DirectoryInfo top)
    {
        var found = new List<DirectoryInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>([top]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            var real = directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory.FullName;
            if (!seen.Add(real)) continue;
            found.Add(directory);
            foreach (var child in Visible(directory.EnumerateDirectories())) pending.Push(child);
        }
        return found;
    }
}
