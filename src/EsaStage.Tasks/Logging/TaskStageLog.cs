using EsaStage.Core.Ci;
using EsaStage.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EsaStage.Tasks.Logging;

/// <summary>
/// The staging flow's log inside MSBuild: steps as messages, warnings and errors with the product's codes, each
/// also reported to the CI system around the build.
/// </summary>
/// <remarks>
/// <para>
/// Under a CI system every text is neutralised first: file names and descriptions are user text, and must never
/// act as a workflow or logging command.
/// </para>
/// <para>
/// <see cref="MaskSecret"/> deliberately writes nothing. A task has no way to reach the CI agent except the
/// MSBuild log, and every MSBuild logger, the binary log included, would record the very value a mask command
/// carries. The task never logs a credential or a signed upload field, so there is nothing for a mask to hide.
/// </para>
/// </remarks>
/// <param name="log">The task's logger.</param>
/// <param name="ci">The CI system, or <see cref="NoCiSink"/>.</param>
/// <param name="projectFile">The project file, for diagnostics that are about no other file.</param>
internal sealed class TaskStageLog(TaskLoggingHelper log, ICiSink ci, string? projectFile) : IStageLog
{
    /// <inheritdoc/>
    public void Info(string message) => log.LogMessage(MessageImportance.Normal, ci.Neutralize(message));

    /// <inheritdoc/>
    public void Detail(string message) => log.LogMessage(MessageImportance.Low, ci.Neutralize(message));

    /// <summary>A result worth showing at every verbosity but quiet.</summary>
    /// <param name="message">The message.</param>
    public void Result(string message) => log.LogMessage(MessageImportance.High, ci.Neutralize(message));

    /// <inheritdoc/>
    public void Warning(string code, string message)
    {
        ci.ReportWarning(code, message, null);
        log.LogWarning(null, code, null, projectFile, 0, 0, 0, 0, ci.Neutralize(message));
    }

    /// <summary>Logs an error with the product's code, against a file when it is about one.</summary>
    /// <param name="code">The code, e.g. <c>ESA1002</c>.</param>
    /// <param name="message">The message.</param>
    /// <param name="filePath">The file the error is about; the project file when <see langword="null"/>.</param>
    /// <param name="line">The 1-based line in that file, or 0.</param>
    /// <param name="column">The 1-based column in that file, or 0.</param>
    public void Error(string code, string message, string? filePath, int line = 0, int column = 0)
    {
        ci.ReportError(code, message, filePath ?? projectFile);
        log.LogError(null, code, null, filePath ?? projectFile, line, column, 0, 0, ci.Neutralize(message));
    }

    /// <inheritdoc/>
    public void MaskSecret(string value)
    {
    }
}
