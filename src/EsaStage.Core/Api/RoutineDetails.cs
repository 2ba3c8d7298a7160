namespace EsaStage.Core.Api;

/// <summary>The parts of a <c>GetRoutine</c> answer the product uses.</summary>
/// <param name="Name">The routine name.</param>
/// <param name="DefaultRelatedRecord">The routine's default access domain, when given.</param>
/// <param name="Environments">The environments and the code versions deployed to each.</param>
public sealed record RoutineDetails(
    string Name,
    string? DefaultRelatedRecord,
    IReadOnlyList<RoutineEnvironment> Environments);
