using EsaStage.Core.Ci;
using EsaStage.Core.Diagnostics;

namespace EsaStage.Cli.Terminal;

/// <summary>
/// Writes the staging flow's messages to stderr, so stdout carries only the result. Under a CI system every
/// message is neutralised first (file names and descriptions are user text), and warnings also become annotations.
/// </summary>
/// <param name="stderr">The error stream.</param>
/// <param name="verbosity">How much to write.</param>
/// <param name="ci">The CI system, or <see cref="NoCiSink"/>.</param>
internal sealed class StderrStageLog(TextWriter stderr, Verbosity verbosity, ICiSink ci) : IStageLog
{
    public void Info(string message)
    {
        if (verbosity >= Verbosity.Normal)
        {
            stderr.WriteLine(ci.Neutralize(message));
        }
    }

    public void Detail(string message)
    {
        if (verbosity >= Verbosity.Detailed)
        {
            stderr.WriteLine(ci.Neutralize(message));
        }
    }

    public void Warning(string code, string message)
    {
        ci.ReportWarning(code, message, null);
        stderr.WriteLine(Diagnostic.Format("warning", code, ci.Neutralize(message)));
    }

    public void Error(string code, string message, string? filePath)
    {
        ci.ReportError(code, message, filePath);
        stderr.WriteLine(Diagnostic.Format("error", code, ci.Neutralize(message)));
    }

    public void MaskSecret(string value) => ci.MaskSecret(value);
}
