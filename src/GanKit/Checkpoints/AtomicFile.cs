namespace GanKit.Checkpoints;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the bytes go to a
/// temporary file beside the target, are flushed to disk, then replace the target in one rename.
/// A crash mid-write leaves the old file intact (and at worst a stray *.tmp).
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
