using EsaStage.Core.Api;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>What the credential sources of one chain share: settings, the environment, HTTP and the clock.</summary>
internal sealed class CredentialSourceContext(CredentialChainOptions options, HttpClient http)
{
    public CredentialChainOptions Options { get; } = options;

    public HttpClient Http { get; } = http;

    public TimeProvider Time { get; } = options.TimeProvider ?? TimeProvider.System;

    public IStageLog Log { get; } = options.Log ?? NullStageLog.Instance;

    public string Home { get; } = options.HomeDirectory
        ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public string? Variable(string name)
    {
        var value = (Options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable)(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool Flag(string name) => string.Equals(Variable(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An STS client: a profile's own endpoint or region first, then <c>ALIBABA_CLOUD_STS_ENDPOINT</c>,
    /// <c>ALIBABA_CLOUD_STS_REGION</c> and <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c>.
    /// </summary>
    public StsClient Sts(string? endpoint = null, string? region = null, bool? vpc = null) =>
        new(Http, StsEndpoint.Resolve(endpoint ?? Variable("ALIBABA_CLOUD_STS_ENDPOINT"),
                region ?? Variable("ALIBABA_CLOUD_STS_REGION"),
                vpc ?? Flag("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED")),
            Time, Log, Options.Retry);

    /// <summary>A default RoleSessionName: short enough for STS's 32-character limit.</summary>
    public string SessionName() => "esa-stage-" + Time.GetUtcNow().ToUnixTimeMilliseconds()
        .ToString(System.Globalization.CultureInfo.InvariantCulture);
}
