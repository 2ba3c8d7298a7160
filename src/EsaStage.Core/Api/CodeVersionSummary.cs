namespace EsaStage.Core.Api;

/// <summary>One entry of <c>ListRoutineCodeVersions</c>.</summary>
/// <param name="CodeVersion">The code version (may be the pseudo-version <c>unstable</c>).</param>
/// <param name="CodeDescription">The description, when given.</param>
/// <param name="CreateTime">The creation time as the service wrote it.</param>
/// <param name="Status">The status, e.g. <c>Available</c>.</param>
public sealed record CodeVersionSummary(string CodeVersion, string? CodeDescription, string? CreateTime,
    string? Status);
