using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>
/// The CI system a staging runs under (GitHub Actions, Azure Pipelines or none): where outputs, annotations,
/// masks and the summary go. The MSBuild task and the tool share these writers.
/// </summary>
public interface ICiSink
{
    /// <summary>Gets the CI system's name, for messages.</summary>
    string Name { get; }

    /// <summary>Hides a sensitive value from the rest of the job's log. Call it before the value could print.</summary>
    /// <param name="value">The value; blank values are ignored.</param>
    void MaskSecret(string value);

    /// <summary>Publishes the result as this system's output variables (the CodeVersion is never masked).</summary>
    /// <param name="result">The completed staging.</param>
    void PublishOutputs(StageResult result);

    /// <summary>Reports an error as this system's annotation.</summary>
    /// <param name="code">The product code, e.g. <c>ESA1002</c>.</param>
    /// <param name="message">The message; untrusted text in it is neutralised.</param>
    /// <param name="filePath">The file the error is about, if any.</param>
    void ReportError(string code, string message, string? filePath);

    /// <summary>Reports a warning as this system's annotation.</summary>
    /// <param name="code">The product code.</param>
    /// <param name="message">The message; untrusted text in it is neutralised.</param>
    /// <param name="filePath">The file the warning is about, if any.</param>
    void ReportWarning(string code, string message, string? filePath);

    /// <summary>Starts a collapsible log group.</summary>
    /// <param name="title">The group title.</param>
    void BeginGroup(string title);

    /// <summary>Ends the current log group.</summary>
    void EndGroup();

    /// <summary>Adds a Markdown summary of the result to the run's page.</summary>
    /// <param name="result">The completed staging.</param>
    /// <param name="links">Links to show with it (e.g. the routine's default domain), when known.</param>
    void WriteSummary(StageResult result, IReadOnlyList<SummaryLink>? links = null);

    /// <summary>
    /// Makes text from users or commits safe to print in this system's log: it can never be read as a command.
    /// </summary>
    /// <param name="untrustedText">The text.</param>
    /// <returns>The text on one line, with command markers broken.</returns>
    string Neutralize(string untrustedText);
}
