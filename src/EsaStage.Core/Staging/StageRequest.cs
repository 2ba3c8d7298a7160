namespace EsaStage.Core.Staging;

/// <summary>What to stage, from whichever front door: MSBuild properties, CLI options or CI inputs.</summary>
public sealed record StageRequest
{
    /// <summary>The default cap on the code file's size (128 MiB).</summary>
    public const long DefaultMaxCodeBytes = 128L * 1024 * 1024;

    /// <summary>The longest description accepted, in characters.</summary>
    public const int MaxDescriptionLength = 1024;

    /// <summary>Gets the routine name.</summary>
    public required string RoutineName { get; init; }

    /// <summary>Gets the path of the code file (absolute, or relative to the current directory).</summary>
    public required string CodeFile { get; init; }

    /// <summary>Gets the code description; blank means none, and the parameter is then not sent.</summary>
    public string? Description { get; init; }

    /// <summary>Gets whether to commit the staging code to a formal code version.</summary>
    public bool Commit { get; init; }

    /// <summary>Gets the environment to publish to, if any; publishing commits first.</summary>
    public PublishEnvironment? Publish { get; init; }

    /// <summary>
    /// Gets whether a full routine (<c>CodeVersionNumberExceedQuotaLimit</c>) may be freed by deleting its oldest
    /// code version that is not deployed, after which the refused call is tried once more. Off by default: a
    /// deleted version cannot be brought back.
    /// </summary>
    public bool PruneOldVersions { get; init; }

    /// <summary>Gets the cap on the code file's size, in bytes.</summary>
    public long MaxCodeBytes { get; init; } = DefaultMaxCodeBytes;
}
