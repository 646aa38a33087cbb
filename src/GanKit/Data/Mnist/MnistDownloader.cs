using System.Security.Cryptography;
using System.Text;
using GanKit.IO;

namespace GanKit.Data;

/// <summary>
/// Downloads the four files of the full MNIST (<see cref="MnistDatasets.IdxFileNames"/>) into
/// <c>&lt;cache&gt;/mnist</c>, for users with internet; GanKit never calls it by itself. Each file is tried on
/// each mirror in turn until one serves it whole with its published SHA-256. A mirror fails on an HTTP error, an
/// HTML page or anything else that is not a gzip archive, a transfer that breaks off, a wrong hash, or no complete
/// answer within the timeout; when every mirror fails, a <see cref="DatasetDownloadException"/> lists each one's
/// failure. A file is written to a temporary file in the target folder and renamed only once its hash is right,
/// so a partial or wrong file never appears under the final name. A file already there with the right hash is kept.
/// </summary>
public sealed class MnistDownloader : IDisposable
{
    /// <summary>Torchvision's two MNIST mirrors (its S3 copy before the original site), then TensorFlow Datasets' mirror.</summary>
    public static IReadOnlyList<Uri> DefaultMirrors { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("http://yann.lecun.com/exdb/mnist/"),
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];

    /// <summary>
    /// The SHA-256 of each file as published by TensorFlow Datasets (its url_checksums/mnist.txt; torchvision
    /// publishes MD5s only). The files are 9,912,422, 28,881, 1,648,877 and 4,542 bytes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PublishedSha256 { get; } = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte.gz"] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        ["train-labels-idx1-ubyte.gz"] = "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        ["t10k-images-idx3-ubyte.gz"] = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        ["t10k-labels-idx1-ubyte.gz"] = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    };

    /// <summary>The longest one attempt (one file from one mirror) may take.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>A mirror that sends more than this is not serving an MNIST file (the largest is under 10 MB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private const int SniffLength = 64;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Action<string> _log;

    /// <param name="httpClient">The client to use (not disposed here); null: one of our own, with a 30 s connect timeout.</param>
    /// <param name="mirrors">Base URLs, tried in order; null: <see cref="DefaultMirrors"/>.</param>
    /// <param name="sha256">File name → expected SHA-256 (hex): the files to download; null: <see cref="PublishedSha256"/>.</param>
    /// <param name="timeoutPerAttempt">Null: <see cref="DefaultTimeout"/>.</param>
    /// <param name="log">Receives one line per attempt; null: the console.</param>
    public MnistDownloader(HttpClient? httpClient = null, IReadOnlyList<Uri>? mirrors = null,
        IReadOnlyDictionary<string, string>? sha256 = null, TimeSpan? timeoutPerAttempt = null, Action<string>? log = null)
    {
        Mirrors = (mirrors ?? DefaultMirrors).Select(MirrorBase).ToList();
        if (Mirrors.Count == 0) throw new ArgumentException("at least one mirror is needed", nameof(mirrors));
        Sha256 = (sha256 ?? PublishedSha256).ToDictionary(entry => entry.Key, entry => ExpectedHash(entry.Key, entry.Value));
        if (Sha256.Count == 0) throw new ArgumentException("no files to download", nameof(sha256));
        Timeout = timeoutPerAttempt ?? DefaultTimeout;
        if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeoutPerAttempt), Timeout, "the timeout must be positive");
        _log = log ?? Console.WriteLine;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each attempt has its own deadline
        };
    }

    public IReadOnlyList<Uri> Mirrors { get; }

    /// <summary>File name → expected SHA-256, lower-case hex.</summary>
    public IReadOnlyDictionary<string, string> Sha256 { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Downloads every file of <see cref="Sha256"/> into <paramref name="folder"/> and returns their paths.</summary>
    /// <param name="folder">Null: <c>mnist</c> in the data cache (<see cref="DataCache.Locate"/>), where <see cref="MnistDatasets.LoadMnist"/> reads.</param>
    public async Task<IReadOnlyList<string>> DownloadAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        folder ??= Path.Combine(DataCache.Locate(), MnistDatasets.Mnist);
        var paths = new List<string>();
        foreach (var fileName in Sha256.Keys)
            paths.Add(await DownloadFileAsync(fileName, folder, cancellationToken).ConfigureAwait(false));
        return paths;
    }

    /// <summary>Downloads one file of <see cref="Sha256"/> into <paramref name="folder"/> and returns its path.</summary>
    public async Task<string> DownloadFileAsync(string fileName, string folder, CancellationToken cancellationToken = default)
    {
        if (!Sha256.TryGetValue(fileName, out var expected))
            throw new ArgumentException($"no SHA-256 is known for '{fileName}'; the files are {string.Join(", ", Sha256.Keys)}", nameof(fileName));
        var target = Path.GetFullPath(Path.Combine(folder, fileName));
        if (File.Exists(target) && await HashOfFileAsync(target, cancellationToken).ConfigureAwait(false) == expected)
        {
            _log($"{fileName}: already in {Path.GetDirectoryName(target)} with the right SHA-256");
            return target;
        }

        var failures = new List<string>();
        foreach (var mirror in Mirrors)
        {
            var url = new Uri(mirror, fileName);
            string failure;
            try
            {
                var bytes = await DownloadAsync(url, target, expected, cancellationToken).ConfigureAwait(false);
                _log($"{fileName}: {bytes} bytes from {url}, SHA-256 verified");
                return target;
            }
            catch (MirrorFailure e)
            {
                failure = e.Message;
            }
            catch (HttpRequestException e)
            {
                failure = $"request failed: {e.Message}";
            }
            catch (IOException e)
            {
                failure = $"the transfer broke off: {e.Message}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no complete answer within {Timeout.TotalSeconds:0.###} s";
            }
            failures.Add($"{url}: {failure}");
            _log($"{fileName}: {url} failed ({failure}); trying the next mirror");
        }
        throw new DatasetDownloadException(fileName, failures);
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task<long> DownloadAsync(Uri url, string target, string expected, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Timeout);
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new MirrorFailure($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is "text/html" or "application/xhtml+xml")
            throw new MirrorFailure($"served an HTML page (Content-Type {mediaType}), not a gzip archive: probably an error or sign-in page");
        if (response.Content.Headers.ContentLength > MaxFileBytes)
            throw new MirrorFailure($"announces {response.Content.Headers.ContentLength} bytes, more than the {MaxFileBytes} an MNIST file can have");

        long total = 0;
        await AtomicFile.WriteAsync(target, async (file, token) =>
        {
            await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var sniff = new byte[SniffLength];
            var sniffed = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
            {
                if (sniffed < SniffLength)
                {
                    var take = Math.Min(read, SniffLength - sniffed);
                    buffer.AsSpan(0, take).CopyTo(sniff.AsSpan(sniffed));
                    sniffed += take;
                    if (sniffed == SniffLength) CheckGzip(sniff);
                }
                total += read;
                if (total > MaxFileBytes) throw new MirrorFailure($"sent more than the {MaxFileBytes} bytes an MNIST file can have");
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
            }
            if (total == 0) throw new MirrorFailure("sent an empty body");
            CheckGzip(sniff.AsSpan(0, sniffed));
            var actual = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
            if (actual != expected)
                throw new MirrorFailure($"SHA-256 of the {total} bytes received is {actual}, expected {expected}: a damaged or different file");
        }, attempt.Token).ConfigureAwait(false);
        return total;
    }

    private static void CheckGzip(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b) return;
        var text = Encoding.ASCII.GetString(head).TrimStart();
        if (text.StartsWith('<'))
            throw new MirrorFailure($"served an HTML page (it starts \"{Printable(text)}\"), not a gzip archive: probably an error or sign-in page");
        throw new MirrorFailure($"served something that is not a gzip archive (it starts {Convert.ToHexString(head[..Math.Min(head.Length, 8)]).ToLowerInvariant()}, not 1f8b)");
    }

    private static string Printable(string text) =>
        new(text.Take(24).Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static async Task<string> HashOfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
    }

    private static Uri MirrorBase(Uri mirror)
    {
        if (!mirror.IsAbsoluteUri) throw new ArgumentException($"mirror '{mirror}' is not an absolute URL", "mirrors");
        // A base without its trailing slash would lose its last segment when the file name is resolved against it.
        return mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/");
    }

    private static string ExpectedHash(string fileName, string sha256)
    {
        var hex = sha256.Trim().ToLowerInvariant();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            throw new ArgumentException($"the SHA-256 given for '{fileName}' is not 64 hex digits: '{sha256}'", nameof(sha256));
        return hex;
    }

    /// <summary>What one mirror did wrong; caught to try the next one.</summary>
    private sealed class MirrorFailure(string message) : Exception(message);
}
