using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GanKit.Tests.Data;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port) for the downloader tests: each request gets the answer
/// its handler writes on the raw connection, which is then closed. Stops when disposed.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Stream, Task> _handle;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="handle">Gets the request path and the connection's stream and writes the whole response.</param>
    public LoopbackHttpServer(Func<string, Stream, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>The paths requested so far, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task RespondAsync(Stream connection, int status, string contentType, byte[] body, long? contentLength = null)
    {
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: {contentType}\r\n" +
                   $"Content-Length: {contentLength ?? body.Length}\r\nConnection: close\r\n\r\n";
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head));
        await connection.WriteAsync(body);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException || _stop.IsCancellationRequested)
            {
                // Stopping: Dispose cancelled, and may have stopped the listener before this accept began (then the
                // socket is already disposed or the listener no longer started).
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream);
                Requests.Enqueue(path);
                await _handle(path, stream);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The client gave up (a timeout test): nothing to answer.
            }
        }
    }

    private async Task<string> ReadRequestPathAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, _stop.Token) == 0) throw new IOException("the client closed the connection");
            head.Append((char)buffer[0]);
        }
        return head.ToString().Split(' ')[1];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
