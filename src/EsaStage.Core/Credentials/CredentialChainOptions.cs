using EsaStage.Core.Api;
using EsaStage.Core.Diagnostics;

namespace EsaStage.Core.Credentials;

/// <summary>How <see cref="DefaultCredentialChain"/> looks for credentials; every member has a default.</summary>
public sealed record CredentialChainOptions
{
    /// <summary>The metadata service of ECS instances.</summary>
    public static readonly Uri DefaultEcsMetadataEndpoint = new("http://100.100.100.200/");

    /// <summary>
    /// Gets the profile to use from <c>~/.aliyun/config.json</c> and the shared credentials file (the tool's
    /// <c>--profile</c>); <see langword="null"/> falls back to <c>ALIBABA_CLOUD_PROFILE</c>, then the file's own
    /// choice (<c>current</c>, or <c>default</c>).
    /// </summary>
    public string? Profile { get; init; }

    /// <summary>Gets where retries are reported and every credential obtained is declared secret.</summary>
    public IStageLog? Log { get; init; }

    /// <summary>Gets the clock for expiry, refresh and STS timestamps.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Gets the timeout of each STS call and credentials-URI request.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the timeout of each ECS metadata request, short because off ECS nothing answers.</summary>
    /// <value>The default is 2 seconds.</value>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how STS calls are retried.</summary>
    public RetryOptions? Retry { get; init; }

    /// <summary>Gets the environment lookup; <see langword="null"/> reads the process environment.</summary>
    /// <remarks>Variables are read when credentials are first asked for, not when the chain is created.</remarks>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }

    /// <summary>Gets the home folder with <c>.aliyun</c> and <c>.alibabacloud</c>; tests point it elsewhere.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>Gets the base address of the ECS metadata service.</summary>
    /// <value>The default is <c>http://100.100.100.200/</c>; tests point it at a loopback fake.</value>
    public Uri EcsMetadataEndpoint { get; init; } = DefaultEcsMetadataEndpoint;
}
