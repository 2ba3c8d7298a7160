using EsaStage.Core.Staging;

namespace EsaStage.Tasks;

/// <summary>A staging as the task reports it.</summary>
/// <param name="Result">The staging's result.</param>
/// <param name="Reused">Whether the result is an earlier staging of the same code, reused with no remote call.</param>
internal sealed record StageOutcome(StageResult Result, bool Reused);
