namespace GanKit.Checkpoints;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the bytes go to a
/// temporary file beside the target, are flushed to disk, then replace the target in one rename.
/// A crash mid-write leaves the old file intact (and at worst a stray *.tmp). When the writer throws, the
/// temporary file is deleted and the target is left as it was.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var (target, temporary) = Prepare(path);
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

    /// <summary>As <see cref="Write"/>, for a writer that awaits (a download, for example).</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var (target, temporary) = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
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

    private static (string Target, string Temporary) Prepare(string path)
    {
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return (target, $"{target}.{Guid.NewGuid():N}.tmp");
    }
}
