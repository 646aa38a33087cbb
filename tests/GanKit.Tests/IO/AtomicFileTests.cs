using System.Text;
using GanKit.IO;

namespace GanKit.Tests.IO;

/// <summary>src/Shared/AtomicFile.cs, as compiled into GanKit (every project compiles the same file).</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-atomic-").FullName;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Entries(string? folder = null) => Directory.GetFileSystemEntries(folder ?? _folder).Order().ToArray();

    [Fact]
    public void AFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "state.bin");
        AtomicFile.Write(path, s => s.Write("old contents"u8));
        var crash = Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("new contents, half writ"u8);
            throw new IOException("disk full (simulated)");
        }));
        Assert.Contains("simulated", crash.Message);
        Assert.Equal("old contents", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
        AtomicFile.Write(path, s => s.Write("new contents"u8));
        Assert.Equal("new contents", File.ReadAllText(path));
    }

    [Fact]
    public async Task AFailedAsyncWriteLeavesTheOldFileIntactAndNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "download.gz");
        AtomicFile.WriteAllText(path, "old");
        using var cancelled = new CancellationTokenSource();
        await Assert.ThrowsAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (s, token) =>
        {
            await s.WriteAsync("half a downl"u8.ToArray(), token);
            await cancelled.CancelAsync();
            token.ThrowIfCancellationRequested();
        }, cancelled.Token));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Entries());
    }

    [Fact]
    public void AFailedRenameLeavesTheTargetAndNoTemporaryFile()
    {
        // A folder where the file should go: the content is written, the rename over it fails.
        var path = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "inside.txt"), "kept");
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "new"));
        Assert.Equal(new[] { path }, Entries());
        Assert.Equal("kept", File.ReadAllText(Path.Combine(path, "inside.txt")));
    }

    [Fact]
    public void AFolderThatCannotBeWrittenLeavesThePreviousFileAndNoTemporaryFile()
    {
        // root writes into any folder whatever its mode, so there the write cannot fail this way.
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess) return;
        var path = Path.Combine(_folder, "figure.svg");
        AtomicFile.WriteAllText(path, "<svg>old</svg>");
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.WriteAllText(path, "<svg>new</svg>"));
        Assert.Equal("<svg>old</svg>", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Entries());
    }

    [Fact]
    public void AMissingFolderIsCreatedOrWithoutCreateFolderAnErrorThatWritesNothing()
    {
        var created = Path.Combine(_folder, "runs", "a", "run.json");
        AtomicFile.WriteAllText(created, "{}");
        Assert.Equal("{}", File.ReadAllText(created));

        var missing = Path.Combine(_folder, "missing", "model.dat");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(missing, s => s.WriteByte(1), createFolder: false));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
        Assert.Equal(new[] { Path.Combine(_folder, "runs") }, Entries());
    }

    [Fact]
    public async Task ContentRoundTripsAsBytesTextWithoutBomAndStreams()
    {
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        var binary = Path.Combine(_folder, "grid.png");
        AtomicFile.WriteAllBytes(binary, bytes);
        Assert.Equal(bytes, File.ReadAllBytes(binary));

        var text = Path.Combine(_folder, "notebook.ipynb");
        AtomicFile.WriteAllText(text, "x₁ — ln 2");
        Assert.Equal(Encoding.UTF8.GetBytes("x₁ — ln 2"), File.ReadAllBytes(text));

        // Replacing a longer file leaves nothing of it behind.
        AtomicFile.Write(binary, s => s.Write("short"u8));
        Assert.Equal("short", File.ReadAllText(binary));

        await AtomicFile.WriteAsync(binary, (s, token) => s.WriteAsync(bytes, token).AsTask());
        Assert.Equal(bytes, File.ReadAllBytes(binary));
        Assert.Equal(new[] { binary, text }, Entries());
    }

    [Fact]
    public async Task ConcurrentWritersOfOneFileNeverMixTheirContent()
    {
        var path = Path.Combine(_folder, "shared.bin");
        const int writers = 6, rounds = 20, size = 64 * 1024, chunk = 4096;
        AtomicFile.WriteAllBytes(path, new byte[size]);
        using var done = new CancellationTokenSource();
        var seen = new List<byte>();
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var content = File.ReadAllBytes(path);
                // Each writer fills the whole file with its own byte: one value, full length, or a torn file.
                Assert.Equal(size, content.Length);
                Assert.All(content, b => Assert.Equal(content[0], b));
                seen.Add(content[0]);
            }
        });
        Parallel.For(1, writers + 1, new ParallelOptions { MaxDegreeOfParallelism = writers }, writer =>
        {
            for (var round = 0; round < rounds; round++)
            {
                AtomicFile.Write(path, s =>
                {
                    for (var offset = 0; offset < size; offset += chunk)
                    {
                        s.Write(Enumerable.Repeat((byte)writer, chunk).ToArray());
                        Thread.Yield();
                    }
                });
            }
        });
        await done.CancelAsync();
        await reader;
        var final = File.ReadAllBytes(path);
        Assert.InRange(final[0], 1, writers);
        Assert.All(final, b => Assert.Equal(final[0], b));
        Assert.NotEmpty(seen);
        Assert.Equal(new[] { path }, Entries());
    }

    [Fact]
    public void TheFolderEntryIsFlushedWhereTheSystemAllows()
    {
        Assert.Equal(!OperatingSystem.IsWindows(), AtomicFile.SyncFolder(_folder));
        Assert.False(AtomicFile.SyncFolder(Path.Combine(_folder, "no such folder")));
    }
}
