using System.Collections.Concurrent;
using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Faults;
using EsaStage.Emulator.Oss;
using EsaStage.Emulator.State;

namespace EsaStage.Emulator.Hosting;

/// <summary>What the request handlers of one emulator share: options, state, credentials and endpoints.</summary>
internal sealed class EmulatorContext
{
    private readonly ConcurrentDictionary<string, AccessKeyCredential> _temporary = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public EmulatorContext(EmulatorOptions options, EmulatorState state, AccessKeyCredential esaCredential,
        AccessKeyCredential ossCredential)
    {
        Options = options;
        State = state;
        EsaCredential = esaCredential;
        OssCredential = ossCredential;
        Faults = new FaultInjector(options.PolicyLifetime);
        Requests = new RequestLog(options.Log);
        Nonces = new SignatureNonceCache(Acs3RequestVerifier.AllowedClockSkew * 2);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time => Options.TimeProvider;

    public EmulatorState State { get; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    public SignatureNonceCache Nonces { get; }

    /// <summary>Gets the nonces of signed STS calls, kept apart from the ESA API's as the services are apart.</summary>
    public SignatureNonceCache StsNonces { get; } = new(Acs3RequestVerifier.AllowedClockSkew * 2);

    /// <summary>Gets or sets the STS base URL, known once the listener is bound.</summary>
    public Uri StsEndpoint { get; set; } = new("http://127.0.0.1/");

    public OssBucket Bucket { get; } = new();

    public AccessKeyCredential EsaCredential { get; }

    public AccessKeyCredential OssCredential { get; }

    /// <summary>Gets or sets the ESA base URL, known once the listener is bound.</summary>
    public Uri Endpoint { get; set; } = new("http://127.0.0.1/");

    /// <summary>Gets or sets the OSS base URL, known once the listener is bound.</summary>
    public Uri OssEndpoint { get; set; } = new("http://127.0.0.1/");

    /// <summary>Gets or sets the client that delivers OSS callbacks.</summary>
    public HttpClient CallbackClient { get; set; } = null!;

    /// <summary>Gets a token cancelled when the emulator begins to stop, so that injected delays end at once.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void BeginStop() => _stopping.Cancel();

    /// <summary>Waits out an injected delay, unless the client leaves or the emulator stops first.</summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken requestAborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stopping.Token);
        await Task.Delay(delay, Time, either.Token).ConfigureAwait(false);
    }

    public TemporaryCredential IssueTemporaryCredential(TimeSpan? lifetime = null)
    {
        var credential = new TemporaryCredential("STS." + RandomText.Alphanumeric(24), RandomText.Alphanumeric(30),
            "CAIS" + RandomText.Alphanumeric(120))
        {
            Expiration = lifetime is { } span ? Time.GetUtcNow() + span : null,
        };
        _temporary[credential.AccessKeyId] = new AccessKeyCredential(credential.AccessKeyId,
            credential.AccessKeySecret, credential.SecurityToken) { Expiration = credential.Expiration };
        return credential;
    }

    public AccessKeyCredential? FindCredential(string accessKeyId) =>
        string.Equals(accessKeyId, EsaCredential.AccessKeyId, StringComparison.Ordinal)
            ? EsaCredential
            : _temporary.GetValueOrDefault(accessKeyId);
}
