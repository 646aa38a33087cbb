using System.Security.Cryptography;
using GanKit.Data;

namespace GanKit.Tests.Data;

/// <summary>
/// The downloader against a loopback server whose mirrors serve: the test's own gzip IDX files (/good/), the same
/// files cut off mid-transfer (/truncated/), other valid gzip files (/wronghash/), an HTML page (/html/), an HTML
/// page labelled as binary (/disguised/), 404 (/missing/) and nothing at all (/silent/).
/// </summary>
public sealed class MnistDownloaderTests : IDisposable
{
    // A data cache; downloads go to its mnist folder, where MnistDatasets.LoadMnist reads.
    private readonly string _cache = Directory.CreateTempSubdirectory("gankit-download-").FullName;
    private readonly Dictionary<string, byte[]> _files = new();
    private readonly Dictionary<string, string> _sha256 = new();
    private readonly LoopbackHttpServer _server;
    private readonly List<string> _log = [];

    public MnistDownloaderTests()
    {
        var source = Directory.CreateTempSubdirectory("gankit-download-source-").FullName;
        try
        {
            IdxTestFiles.WriteMnistFolder(source, trainCount: 20, testCount: 10);
            foreach (var name in MnistDatasets.IdxFileNames)
            {
                _files[name] = File.ReadAllBytes(Path.Combine(source, name));
                _sha256[name] = Convert.ToHexString(SHA256.HashData(_files[name])).ToLowerInvariant();
            }
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
        Directory.CreateDirectory(Folder);
        _server = new LoopbackHttpServer(ServeAsync);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private string Folder => Path.Combine(_cache, "mnist");

    private async Task ServeAsync(string path, Stream connection)
    {
        var parts = path.Trim('/').Split('/');
        var (route, name) = (parts[0], parts[^1]);
        var file = _files.GetValueOrDefault(name);
        switch (route)
        {
            case "good" when file is not null:
                await LoopbackHttpServer.RespondAsync(connection, 200, "application/octet-stream", file);
                break;
            case "truncated" when file is not null:
                // Announces the whole file, sends half, then closes the connection.
                await LoopbackHttpServer.RespondAsync(connection, 200, "application/x-gzip", file[..(file.Length / 2)], file.Length);
                break;
            case "wronghash":
                await LoopbackHttpServer.RespondAsync(connection, 200, "application/x-gzip", IdxTestFiles.Gzip(IdxTestFiles.Bytes([3], [1, 2, 3])));
                break;
            case "html":
                await LoopbackHttpServer.RespondAsync(connection, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Sign in</body></html>"u8.ToArray());
                break;
            case "disguised":
                await LoopbackHttpServer.RespondAsync(connection, 200, "application/octet-stream", "\n  <html><body>Quota exceeded</body></html>"u8.ToArray());
                break;
            case "silent":
                await Task.Delay(TimeSpan.FromSeconds(10));
                break;
            default:
                await LoopbackHttpServer.RespondAsync(connection, 404, "text/plain", "no such file"u8.ToArray());
                break;
        }
    }

    private Uri Mirror(string route) => new(_server.BaseAddress, route + "/mnist");

    private MnistDownloader Downloader(params string[] routes) =>
        new(mirrors: routes.Select(Mirror).ToList(), sha256: _sha256, timeoutPerAttempt: TimeSpan.FromSeconds(5), log: _log.Add);

    private void AssertNoPartialFiles(params string[] finalNames)
    {
        Assert.Equal(finalNames.Order(), Directory.GetFiles(Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task BadMirrorsAreSkippedUntilOneServesTheVerifiedFile()
    {
        using var downloader = Downloader("html", "truncated", "wronghash", "missing", "good");
        var paths = await downloader.DownloadAsync(Folder);

        Assert.Equal(MnistDatasets.IdxFileNames.Select(name => Path.Combine(Folder, name)), paths);
        foreach (var name in MnistDatasets.IdxFileNames) Assert.Equal(_files[name], File.ReadAllBytes(Path.Combine(Folder, name)));
        AssertNoPartialFiles([.. MnistDatasets.IdxFileNames]);
        Assert.Equal(20, _server.Requests.Count);
        Assert.Contains(_log, line => line.StartsWith("train-images-idx3-ubyte.gz: ") && line.EndsWith("good/mnist/train-images-idx3-ubyte.gz, SHA-256 verified"));

        using var data = MnistDatasets.LoadMnist(_cache);
        Assert.Equal(20, data.Train.Count);
        Assert.Equal(10, data.Test.Count);
    }

    [Fact]
    public async Task EveryMirrorFailingReportsEachFailure()
    {
        using var downloader = Downloader("html", "truncated", "wronghash", "disguised", "missing");
        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadFileAsync("t10k-images-idx3-ubyte.gz", Folder));

        Assert.Equal("t10k-images-idx3-ubyte.gz", error.FileName);
        Assert.Equal(5, error.Failures.Count);
        var url = (string route) => new Uri(Mirror(route) + "/t10k-images-idx3-ubyte.gz").AbsoluteUri;
        Assert.Equal($"{url("html")}: served an HTML page (Content-Type text/html), not a gzip archive: probably an error or sign-in page", error.Failures[0]);
        Assert.StartsWith($"{url("truncated")}: the transfer broke off: ", error.Failures[1]);
        Assert.StartsWith($"{url("wronghash")}: SHA-256 of the ", error.Failures[2]);
        Assert.EndsWith($"expected {_sha256["t10k-images-idx3-ubyte.gz"]}: a damaged or different file", error.Failures[2]);
        Assert.Equal($"{url("disguised")}: served an HTML page (it starts \"<html><body>Quota exceed\"), not a gzip archive: probably an error or sign-in page", error.Failures[3]);
        Assert.Equal($"{url("missing")}: HTTP 404 Not Found", error.Failures[4]);
        Assert.StartsWith("could not download t10k-images-idx3-ubyte.gz from any mirror:", error.Message);
        foreach (var failure in error.Failures) Assert.Contains(failure, error.Message);
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task AFailedDownloadLeavesAnExistingFileAsItWas()
    {
        var target = Path.Combine(Folder, "train-labels-idx1-ubyte.gz");
        File.WriteAllText(target, "an older, wrong file");
        using var downloader = Downloader("wronghash");
        await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.DownloadFileAsync("train-labels-idx1-ubyte.gz", Folder));
        Assert.Equal("an older, wrong file", File.ReadAllText(target));
        AssertNoPartialFiles("train-labels-idx1-ubyte.gz");
    }

    [Fact]
    public async Task AMirrorThatDoesNotAnswerTimesOut()
    {
        using var downloader = new MnistDownloader(mirrors: [Mirror("silent"), Mirror("good")], sha256: _sha256,
            timeoutPerAttempt: TimeSpan.FromMilliseconds(300), log: _log.Add);
        var path = await downloader.DownloadFileAsync("train-labels-idx1-ubyte.gz", Folder);
        Assert.Equal(_files["train-labels-idx1-ubyte.gz"], File.ReadAllBytes(path));
        Assert.Contains(_log, line => line.Contains("silent/mnist/train-labels-idx1-ubyte.gz failed (no complete answer within 0.3 s)"));
    }

    [Fact]
    public async Task AFileAlreadyThereWithTheRightHashIsKept()
    {
        File.WriteAllBytes(Path.Combine(Folder, "t10k-labels-idx1-ubyte.gz"), _files["t10k-labels-idx1-ubyte.gz"]);
        using var downloader = Downloader("good");
        await downloader.DownloadFileAsync("t10k-labels-idx1-ubyte.gz", Folder);
        Assert.Empty(_server.Requests);
        Assert.Contains(_log, line => line.Contains("already in") && line.Contains("with the right SHA-256"));
    }

    [Fact]
    public async Task BadArgumentsAreNamed()
    {
        Assert.Equal("sha256", Assert.Throws<ArgumentException>(() =>
            new MnistDownloader(sha256: new Dictionary<string, string> { ["a.gz"] = "abc" })).ParamName);
        Assert.Equal("mirrors", Assert.Throws<ArgumentException>(() => new MnistDownloader(mirrors: [])).ParamName);
        Assert.Equal("mirrors", Assert.Throws<ArgumentException>(() => new MnistDownloader(mirrors: [new Uri("relative/", UriKind.Relative)])).ParamName);
        using var downloader = Downloader("good");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => downloader.DownloadFileAsync("other.gz", Folder));
        Assert.Contains("no SHA-256 is known for 'other.gz'", error.Message);
    }

    [Fact]
    public void PublishedHashesCoverTheFourFiles()
    {
        Assert.Equal(MnistDatasets.IdxFileNames.Order(), MnistDownloader.PublishedSha256.Keys.Order());
        using var downloader = new MnistDownloader(log: _ => { });
        Assert.Equal(MnistDownloader.DefaultMirrors, downloader.Mirrors);
        Assert.All(downloader.Sha256.Values, hash => Assert.Matches("^[0-9a-f]{64}$", hash));
    }
}
