using EsaStage.Core.Diagnostics;

namespace EsaStage.Cli.Terminal;

/// <summary>Writes the staging flow's messages to stderr, so stdout carries only the result.</summary>
/// <param name="stderr">The error stream.</param>
/// <param name="verbosity">How much to write.</param>
internal sealed class StderrStageLog(TextWriter stderr, Verbosity verbosity) : IStageLog
{
    public void Info(string message)
    {
        if (verbosity >= Verbosity.Normal)
        {
            stderr.WriteLine(message);
        }
    }

    public void Detail(string message)
    {
        if (verbosity >= Verbosity.Detailed)
        {
            stderr.WriteLine(message);
        }
    }

    public void Warning(string code, string message) => stderr.WriteLine(Diagnostic.Format("warning", code, message));
}
