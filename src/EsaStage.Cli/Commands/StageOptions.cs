using EsaStage.Cli.GitHub;
using EsaStage.Cli.Terminal;
using EsaStage.Core.Staging;

namespace EsaStage.Cli.Commands;

/// <summary>The parsed options of <c>esa-stage stage</c>.</summary>
internal sealed record StageOptions
{
    public required string? Name { get; init; }

    public required string? Code { get; init; }

    public string? Description { get; init; }

    public string? Endpoint { get; init; }

    public string? Region { get; init; }

    public bool Commit { get; init; }

    public string? Publish { get; init; }

    public string? ResultJson { get; init; }

    public bool Emulator { get; init; }

    public string? Profile { get; init; }

    public bool PruneOldVersions { get; init; }

    public long MaxCodeBytes { get; init; } = StageRequest.DefaultMaxCodeBytes;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(15);

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary>Gets the RAM role to assume with a GitHub OIDC token, if any.</summary>
    public OidcRoleOptions Oidc { get; init; } = new();
}
