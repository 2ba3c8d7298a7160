using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>GitHub Actions: workflow commands on the step's stdout, outputs and summary in environment files.</summary>
/// <remarks>
/// Outputs go to the <c>GITHUB_OUTPUT</c> file, never to stdout, so they work from an MSBuild worker node too. The
/// CodeVersion is never masked: a masked value cannot be a job output. The runner reads workflow commands from
/// both stdout and stderr, so <paramref name="commands"/> may be either; the tool writes them to stderr, where they
/// stay in order with its log lines (a mask before the line it protects, a group around its lines).
/// </remarks>
/// <param name="commands">The step's stdout (or, in MSBuild, a writer that reaches it).</param>
/// <param name="getVariable">Reads an environment variable.</param>
public sealed class GitHubActionsSink(TextWriter commands, Func<string, string?> getVariable) : ICiSink
{
    /// <summary>The step output names.</summary>
    public static class Outputs
    {
        /// <summary>The staged CodeVersion.</summary>
        public const string CodeVersion = "code-version";

        /// <summary>The committed CodeVersion.</summary>
        public const string CommittedCodeVersion = "committed-code-version";

        /// <summary>The environment published to.</summary>
        public const string PublishedEnvironment = "published-environment";

        /// <summary>The whole result as JSON.</summary>
        public const string ResultJson = "result-json";
    }

    /// <inheritdoc/>
    public string Name => "GitHub Actions";

    /// <inheritdoc/>
    public void MaskSecret(string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            commands.WriteLine("::add-mask::" + CommandEscaping.GitHubData(value));
        }
    }

    /// <inheritdoc/>
    public void PublishOutputs(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        var path = getVariable("GITHUB_OUTPUT");
        if (string.IsNullOrEmpty(path))
        {
            ReportWarning(ErrorCodes.CiOutputMissing, "GITHUB_OUTPUT is not set, so the step outputs were not written.", null);
            return;
        }

        GitHubOutputFile.Append(path,
        [
            new(Outputs.CodeVersion, result.CodeVersion),
            new(Outputs.CommittedCodeVersion, result.CommittedCodeVersion ?? string.Empty),
            new(Outputs.PublishedEnvironment, result.PublishedEnvironment ?? string.Empty),
            new(Outputs.ResultJson, StageResultJson.Serialize(result)),
        ]);
    }

    /// <inheritdoc/>
    public void ReportError(string code, string message, string? filePath) =>
        Annotate("error", code, message, filePath);

    /// <inheritdoc/>
    public void ReportWarning(string code, string message, string? filePath) =>
        Annotate("warning", code, message, filePath);

    /// <inheritdoc/>
    public void BeginGroup(string title) => commands.WriteLine("::group::" + CommandEscaping.GitHubData(title));

    /// <inheritdoc/>
    public void EndGroup() => commands.WriteLine("::endgroup::");

    /// <inheritdoc/>
    public void WriteSummary(StageResult result, IReadOnlyList<SummaryLink>? links = null)
    {
        var path = getVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(path))
        {
            GitHubOutputFile.AppendText(path, StageSummaryMarkdown.Render(result, links) + "\n");
        }
    }

    /// <inheritdoc/>
    public string Neutralize(string untrustedText) => UntrustedText.Neutralize(untrustedText);

    private void Annotate(string severity, string code, string message, string? filePath)
    {
        var properties = "title=" + CommandEscaping.GitHubProperty(code);
        if (!string.IsNullOrEmpty(filePath))
        {
            properties = "file=" + CommandEscaping.GitHubProperty(filePath) + "," + properties;
        }

        commands.WriteLine($"::{severity} {properties}::{CommandEscaping.GitHubData($"{code}: {message}")}");
    }
}
