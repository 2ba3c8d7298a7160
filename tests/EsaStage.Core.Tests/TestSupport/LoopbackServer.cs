using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EsaStage.Core.Tests.TestSupport;

/// <summary>A real HTTP server on a free loopback port: a test's handler answers, requests are recorded.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? listener = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, 0, l => (listener = l).Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async http =>
        {
            server._requests.Enqueue(new LoopbackRequest(http.Request.Method, http.Request.Path.Value ?? "/",
                http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));
            await handler(http);
        });
        await app.StartAsync();
        server.Url = new Uri($"http://127.0.0.1:{listener!.IPEndPoint!.Port}/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
