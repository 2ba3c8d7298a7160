namespace EsaStage.Emulator;

/// <summary>How an <see cref="EsaEmulator"/> starts: ports, credentials, persistence, clock and limits.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Gets the loopback port of the ESA API.</summary>
    /// <value>The default is 0: a free port is chosen. The OSS endpoint always takes a free port of its own.</value>
    public int Port { get; init; }

    /// <summary>Gets the AccessKey ID that the ESA API accepts.</summary>
    /// <value>
    /// The default is <see langword="null"/>: a random ID (<c>LTAI</c> + 20 letters and digits) is generated, or the
    /// one stored in <see cref="DataDirectory"/> is reused.
    /// </value>
    public string? AccessKeyId { get; init; }

    /// <summary>Gets the AccessKey secret that signs requests for <see cref="AccessKeyId"/>.</summary>
    /// <value>The default is <see langword="null"/>: a random 30-character secret, as for the ID.</value>
    public string? AccessKeySecret { get; init; }

    /// <summary>Gets the path of a PEM certificate; with <see cref="HttpsKeyPemPath"/>, both ports use HTTPS.</summary>
    public string? HttpsCertificatePemPath { get; init; }

    /// <summary>Gets the path of the PEM private key of <see cref="HttpsCertificatePemPath"/>.</summary>
    public string? HttpsKeyPemPath { get; init; }

    /// <summary>Gets a folder where routines, versions, environments and code are kept across restarts.</summary>
    /// <value>The default is <see langword="null"/>: state lives in memory and code in a temporary folder.</value>
    public string? DataDirectory { get; init; }

    /// <summary>Gets how long an issued upload form stays valid (the policy's <c>expiration</c>).</summary>
    /// <value>The default is 10 minutes. <see cref="Faults.FaultInjector.PolicyLifetime"/> changes it later.</value>
    public TimeSpan PolicyLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets the largest code file the upload policy allows (its <c>content-length-range</c> top).</summary>
    /// <value>The default is 128 MiB.</value>
    public long MaxCodeBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Gets the most code versions a routine may hold before staging and committing are refused.</summary>
    /// <value>
    /// The default is <see cref="State.EmulatorState.DefaultMaxCodeVersions"/> (10), the limit the ESA documentation
    /// states. A higher limit lets a long run, such as a benchmark, stage one routine many times.
    /// </value>
    public int MaxCodeVersions { get; init; } = State.EmulatorState.DefaultMaxCodeVersions;

    /// <summary>Gets the clock for request dates, policy expiry, creation times and injected delays.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the names of routines that exist when the emulator starts.</summary>
    public IReadOnlyList<string> Routines { get; init; } = [];

    /// <summary>Gets a sink for one line per request; lines never carry secrets, signatures or policies.</summary>
    public Action<string>? Log { get; init; }
}
