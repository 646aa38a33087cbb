namespace TorchSharp.Serialization;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the bytes go to a
/// temporary file beside the target, which then replaces it in one rename.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string location, Action<BinaryWriter> write)
    {
        var full = Path.GetFullPath(location);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try {
            using (var stream = File.Create(temp))
            using (var writer = new BinaryWriter(stream)) {
                write(writer);
            }
            File.Move(temp, full, overwrite: true);
        } finally {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
