using System.Net;

namespace EsaStage.Cli.Terminal;

/// <summary>HTTP clients for the API calls and the upload, each with its own overall timeout.</summary>
internal static class HttpClients
{
    public static HttpClient Create(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(handler) { Timeout = timeout };
    }
}
