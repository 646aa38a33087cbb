using System.Runtime.InteropServices;
using System.Text;

namespace GanKit.IO;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: the bytes go to a
/// temporary file beside the target (<c>.{name}.{random}.tmp</c>), are flushed to disk, replace the target
/// in one rename, and the folder is flushed so that the rename survives a crash too. When the writer throws
/// (or the folder cannot be written), the temporary file is deleted and the target is left as it was.
/// </summary>
/// <remarks>
/// One source file, compiled into every project that writes files (linked from src/Shared). GanKit.Torch,
/// GanKit.Display and the runner depend on no project of ours, and a shared assembly would be one more
/// dependency (and one more DLL every notebook loads) for one small class. Internal, so the copies in
/// assemblies that reference each other never clash.
/// </remarks>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string content) => WriteAllBytes(path, Utf8.GetBytes(content));

    public static void WriteAllBytes(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <param name="path">The target; an existing file is replaced.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="createFolder">Creates the target's folder when it is missing (false: a missing folder throws).</param>
    public static void Write(string path, Action<Stream> write, bool createFolder = true)
    {
        var (target, temporary) = Prepare(path, createFolder);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            Replace(temporary, target);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>As <see cref="Write"/>, for a writer that awaits (a download, for example).</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var (target, temporary) = Prepare(path, createFolder: true);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            Replace(temporary, target);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    private static (string Target, string Temporary) Prepare(string path, bool createFolder)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        if (createFolder) Directory.CreateDirectory(folder);
        return (target, Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp"));
    }

    private static void Replace(string temporary, string target)
    {
        File.Move(temporary, target, overwrite: true);
        SyncFolder(Path.GetDirectoryName(target)!);
    }

    // The caller's exception is what matters; a temporary file that cannot be deleted either is left behind.
    private static void DeleteQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Flushes a folder's entries to disk (fsync on the folder, POSIX), so that a rename into it is durable.
    /// False where that is not possible: on Windows, which has no such call for folders, or when the folder
    /// cannot be opened. The new file is in place either way; only its survival of a power cut is at stake.
    /// </summary>
    internal static bool SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            // O_RDONLY (0 on every POSIX system) opens a folder for fsync; O_DIRECTORY's value differs between platforms.
            var descriptor = Open(folder, 0);
            if (descriptor < 0) return false;
            try
            {
                return Fsync(descriptor) == 0;
            }
            finally
            {
                _ = Close(descriptor);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
