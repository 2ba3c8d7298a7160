namespace EsaStage.Core.Api;

/// <summary>An environment of a routine and the code versions deployed to it.</summary>
/// <param name="Name">The environment, <c>staging</c> or <c>production</c>.</param>
/// <param name="CodeVersions">The deployed code versions.</param>
public sealed record RoutineEnvironment(string Name, IReadOnlyList<string> CodeVersions);
