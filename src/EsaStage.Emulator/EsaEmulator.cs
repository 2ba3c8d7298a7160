using System.Net;
using System.Security.Cryptography.X509Certificates;
using EsaStage.Emulator.Admin;
using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Faults;
using EsaStage.Emulator.Hosting;
using EsaStage.Emulator.Oss;
using EsaStage.Emulator.State;
using EsaStage.Emulator.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EsaStage.Emulator;

/// <summary>
/// A local ESA OpenAPI and OSS upload endpoint on Kestrel, bound to loopback: as far as a client can tell, the
/// real services, with state that tests can read and faults they can script.
/// </summary>
/// <remarks>
/// Three listeners: the ESA API (with the OSS callback receiver and the admin API) on <see cref="Endpoint"/>, the
/// OSS upload endpoint on <see cref="OssEndpoint"/>, and STS on <see cref="StsEndpoint"/>. Start one emulator per
/// test; instances share nothing.
/// </remarks>
public sealed class EsaEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private readonly EmulatorStorage _storage;
    private readonly X509Certificate2? _certificate;
    private int _ossPort;
    private int _stsPort;
    private int _disposed;

    private EsaEmulator(WebApplication app, EmulatorContext context, EmulatorStorage storage,
        X509Certificate2? certificate)
    {
        _app = app;
        _context = context;
        _storage = storage;
        _certificate = certificate;
    }

    /// <summary>Gets the ESA API base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint => _context.Endpoint;

    /// <summary>Gets the OSS upload base URL on its own port, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri OssEndpoint => _context.OssEndpoint;

    /// <summary>
    /// Gets the STS base URL on its own port, e.g. <c>http://127.0.0.1:41236/</c>: <c>AssumeRole</c> (V2 signed
    /// with the emulator's AccessKey or a temporary one) and <c>AssumeRoleWithOIDC</c> (anonymous) issue temporary
    /// credentials that the ESA API accepts.
    /// </summary>
    public Uri StsEndpoint => _context.StsEndpoint;

    /// <summary>Gets the AccessKey ID the ESA API accepts.</summary>
    public string AccessKeyId => _context.EsaCredential.AccessKeyId;

    /// <summary>Gets the AccessKey secret of <see cref="AccessKeyId"/>.</summary>
    public string AccessKeySecret => _context.EsaCredential.AccessKeySecret;

    /// <summary>Gets the routines, versions, environments and code.</summary>
    public EmulatorState State => _context.State;

    /// <summary>Gets the fault injector.</summary>
    public FaultInjector Faults => _context.Faults;

    /// <summary>Gets a snapshot of every completed request, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _context.Requests.Snapshot();

    internal AccessKeyCredential OssCredential => _context.OssCredential;

    internal string CodeRoot => _storage.Code.Root;

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">How to start it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop both listeners.</returns>
    public static async Task<EsaEmulator> StartAsync(EmulatorOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCodeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCodeVersions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PolicyLifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        if ((options.HttpsCertificatePemPath is null) != (options.HttpsKeyPemPath is null))
        {
            throw new ArgumentException("Give both HttpsCertificatePemPath and HttpsKeyPemPath, or neither.",
                nameof(options));
        }

        var storage = EmulatorStorage.Open(options.DataDirectory);
        var (esa, oss, persisted) = storage.ResolveCredentials(options);
        var state = new EmulatorState(options.TimeProvider, storage.Code, storage.File, storage.Restored, persisted,
            options.MaxCodeVersions);
        foreach (var routine in options.Routines.Where(r => state.GetRoutine(r) is null))
        {
            state.CreateRoutine(routine);
        }

        var context = new EmulatorContext(options, state, esa, oss);
        var certificate = LoadCertificate(options);
        var listeners = new List<ListenOptions>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port, l => Configure(l, certificate, listeners));
            kestrel.Listen(IPAddress.Loopback, 0, l => Configure(l, certificate, listeners));
            kestrel.Listen(IPAddress.Loopback, 0, l => Configure(l, certificate, listeners));
        });
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        var app = builder.Build();
        var emulator = new EsaEmulator(app, context, storage, certificate);
        app.Run(emulator.DispatchAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            storage.DeleteTemporary();
            throw;
        }

        var scheme = certificate is null ? "http" : "https";
        emulator._ossPort = listeners[1].IPEndPoint!.Port;
        emulator._stsPort = listeners[2].IPEndPoint!.Port;
        context.Endpoint = new Uri($"{scheme}://127.0.0.1:{listeners[0].IPEndPoint!.Port}/");
        context.OssEndpoint = new Uri($"{scheme}://127.0.0.1:{emulator._ossPort}/");
        context.StsEndpoint = new Uri($"{scheme}://127.0.0.1:{emulator._stsPort}/");
        context.CallbackClient = CallbackClients.Create(certificate);
        return emulator;
    }

    /// <summary>Issues an STS-style temporary credential that the ESA API accepts with its token.</summary>
    /// <returns>The credential.</returns>
    public TemporaryCredential IssueTemporaryCredential() => _context.IssueTemporaryCredential();

    /// <summary>Issues a temporary credential that expires after <paramref name="lifetime"/>.</summary>
    /// <param name="lifetime">How long it works, by the emulator's clock.</param>
    /// <returns>The credential, with its <see cref="TemporaryCredential.Expiration"/>.</returns>
    public TemporaryCredential IssueTemporaryCredential(TimeSpan lifetime) =>
        _context.IssueTemporaryCredential(lifetime);

    /// <summary>Stops both listeners and removes the temporary code folder (never the data directory).</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // End injected delays first, then give requests in flight a moment before connections are cut.
            _context.BeginStop();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _context.CallbackClient?.Dispose();
            _certificate?.Dispose();
            _storage.DeleteTemporary();
        }
    }

    private Task DispatchAsync(HttpContext http)
    {
        if (http.Connection.LocalPort == _ossPort)
        {
            return new PostObjectHandler(_context).HandleAsync(http);
        }

        if (http.Connection.LocalPort == _stsPort)
        {
            return new StsHandler(_context).HandleAsync(http);
        }

        var path = http.Request.Path.Value ?? string.Empty;
        if (path.StartsWith(AdminApiHandler.Prefix, StringComparison.Ordinal))
        {
            return new AdminApiHandler(_context).HandleAsync(http);
        }

        return path == UploadFormIssuer.CallbackPath
            ? new UploadCallbackReceiver(_context).HandleAsync(http)
            : new EsaApiHandler(_context).HandleAsync(http);
    }

    private static void Configure(ListenOptions listen, X509Certificate2? certificate, List<ListenOptions> listeners)
    {
        listen.Protocols = HttpProtocols.Http1;
        if (certificate is not null)
        {
            listen.UseHttps(certificate);
        }

        listeners.Add(listen);
    }

    private static X509Certificate2? LoadCertificate(EmulatorOptions options)
    {
        if (options.HttpsCertificatePemPath is null)
        {
            return null;
        }

        // Re-imported from PKCS#12 because a PEM-loaded key is ephemeral, which TLS on Windows cannot use.
        using var pem = X509Certificate2.CreateFromPemFile(options.HttpsCertificatePemPath, options.HttpsKeyPemPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
