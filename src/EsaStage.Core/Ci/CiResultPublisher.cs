using EsaStage.Core.Diagnostics;
using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>Hands a completed staging to the CI system: its output variables, then its summary.</summary>
public static class CiResultPublisher
{
    /// <summary>
    /// Publishes the outputs and the summary. Outputs that cannot be written fail the step, since later steps would
    /// miss the CodeVersion; a summary that cannot be written is only a warning.
    /// </summary>
    /// <param name="ci">The CI system.</param>
    /// <param name="log">Receives the warning about a summary that could not be written.</param>
    /// <param name="result">The completed staging.</param>
    /// <param name="links">Links the summary shows, when known.</param>
    /// <exception cref="EsaStageException">
    /// The outputs could not be written (<see cref="ErrorCodes.ResultNotWritten"/>).
    /// </exception>
    public static void Publish(ICiSink ci, IStageLog log, StageResult result,
        IReadOnlyList<SummaryLink>? links = null)
    {
        ArgumentNullException.ThrowIfNull(ci);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(result);

        try
        {
            ci.PublishOutputs(result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EsaStageException(ErrorCodes.ResultNotWritten,
                $"The code was staged as code version {result.CodeVersion}, but the {ci.Name} outputs could not " +
                $"be written: {ex.Message}", ex);
        }

        try
        {
            ci.WriteSummary(result, links);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Warning(ErrorCodes.SummaryNotWritten, $"The {ci.Name} summary could not be written: {ex.Message}");
        }
    }
}
