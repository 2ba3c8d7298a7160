using EsaStage.Core;

namespace EsaStage.Tasks.Config;

/// <summary>A routine config file that cannot be read or parsed, with where in it the problem is.</summary>
internal sealed class RoutineConfigException : EsaStageException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="line">The 1-based line of the problem, or 0.</param>
    /// <param name="column">The 1-based column of the problem, or 0.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The parser's failure, if any.</param>
    public RoutineConfigException(string path, int line, int column, string message, Exception? innerException = null)
        : base(ErrorCodes.InvalidRoutineConfig, message, innerException)
    {
        FilePath = path;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }
}
