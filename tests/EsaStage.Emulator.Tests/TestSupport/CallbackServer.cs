using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>
/// A one-request HTTP server on loopback that plays an application's callback server: it captures the request and
/// answers with a scripted status and body.
/// </summary>
internal sealed class CallbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<string> _request;

    public CallbackServer(int status, string body, string contentType = "application/json")
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/cb");
        _request = ServeOnceAsync(status, body, contentType);
    }

    public Uri Url { get; }

    /// <summary>Gets the raw request (head and body) that arrived.</summary>
    public Task<string> Request => _request;

    public void Dispose() => _listener.Stop();

    private async Task<string> ServeOnceAsync(int status, string body, string contentType)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer);
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (read == 0 || (end >= 0 && text.Length - end - 4 >= ContentLength(text[..end])))
            {
                break;
            }
        }

        var payload = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {payload.Length}\r\n"
            + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(payload);
        return received.ToString();
    }

    private static int ContentLength(string head) =>
        head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(),
                System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
