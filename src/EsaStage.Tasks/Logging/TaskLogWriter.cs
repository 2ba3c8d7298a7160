using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EsaStage.Tasks.Logging;

/// <summary>
/// A writer whose every line becomes a high-importance MSBuild message: the way a task's CI commands reach the
/// step's log.
/// </summary>
/// <remarks>
/// A task may run in an MSBuild worker node, whose console is not the step's console; text written there is lost
/// or, worse, blocks the node. High-importance messages are forwarded to the entry node's console logger, where
/// the CI agent reads them (GitHub trims the indentation before <c>::</c>; Azure Pipelines finds <c>##vso[</c>
/// anywhere in a line).
/// </remarks>
/// <param name="log">The task's logger.</param>
internal sealed class TaskLogWriter(TaskLoggingHelper log) : TextWriter
{
    private readonly StringBuilder _line = new();

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        if (value == '\n')
        {
            EmitLine();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        if (_line.Length > 0)
        {
            EmitLine();
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void EmitLine()
    {
        log.LogMessage(MessageImportance.High, _line.ToString());
        _line.Clear();
    }
}
