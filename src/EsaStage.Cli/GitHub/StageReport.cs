using EsaStage.Core.Ci;
using EsaStage.Core.Staging;

namespace EsaStage.Cli.GitHub;

/// <summary>What is reported to GitHub about one staging: its result, or the error that stopped it.</summary>
internal sealed record StageReport
{
    public required string Routine { get; init; }

    /// <summary>Gets the GitHub environment the deployment is recorded for, e.g. <c>esa-staging</c>.</summary>
    public required string Environment { get; init; }

    /// <summary>Gets the result, when the staging succeeded.</summary>
    public StageResult? Result { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Gets the routine's default domain, when known; the deployment's environment URL.</summary>
    public Uri? RoutineUrl { get; init; }

    public IReadOnlyList<SummaryLink> Links { get; init; } = [];

    /// <summary>Gets the GitHub environment name for a staging that was (or would have been) published there.</summary>
    /// <param name="publishedEnvironment">The ESA environment, or <see langword="null"/> when not published.</param>
    /// <returns><c>esa-production</c>, or <c>esa-staging</c> for the staging environment and plain staging.</returns>
    public static string EnvironmentFor(string? publishedEnvironment) =>
        "esa-" + (publishedEnvironment ?? "staging");
}
