namespace EsaStage.Core.Api;

/// <summary>One page of <c>ListRoutineCodeVersions</c>.</summary>
/// <param name="TotalCount">The number of versions in all pages.</param>
/// <param name="CodeVersions">This page's versions.</param>
public sealed record CodeVersionPage(int TotalCount, IReadOnlyList<CodeVersionSummary> CodeVersions);
