using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>Azure Pipelines: logging commands (<c>##vso[…]</c>) on the step's stdout.</summary>
/// <remarks>
/// Values are escaped as the agent expects (<c>%AZP25</c> for <c>%</c>), so they read back unchanged. Output
/// variables are set with <c>isOutput=true</c>, readable as <c>$(step.CodeVersion)</c> in the job and through
/// <c>dependencies</c> from other jobs and stages.
/// </remarks>
/// <param name="commands">The step's stdout (or, in MSBuild, a writer that reaches it).</param>
/// <param name="getVariable">Reads an environment variable.</param>
public sealed class AzurePipelinesSink(TextWriter commands, Func<string, string?> getVariable) : ICiSink
{
    /// <summary>The output variable names.</summary>
    public static class Outputs
    {
        /// <summary>The staged CodeVersion.</summary>
        public const string CodeVersion = "CodeVersion";

        /// <summary>The committed CodeVersion.</summary>
        public const string CommittedCodeVersion = "CommittedCodeVersion";

        /// <summary>The environment published to.</summary>
        public const string PublishedEnvironment = "PublishedEnvironment";
    }

    /// <inheritdoc/>
    public string Name => "Azure Pipelines";

    /// <inheritdoc/>
    public void MaskSecret(string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            commands.WriteLine("##vso[task.setsecret]" + CommandEscaping.AzureData(value));
        }
    }

    /// <inheritdoc/>
    public void PublishOutputs(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        SetOutput(Outputs.CodeVersion, result.CodeVersion);
        SetOutput(Outputs.CommittedCodeVersion, result.CommittedCodeVersion ?? string.Empty);
        SetOutput(Outputs.PublishedEnvironment, result.PublishedEnvironment ?? string.Empty);
    }

    /// <inheritdoc/>
    public void ReportError(string code, string message, string? filePath) =>
        LogIssue("error", code, message, filePath);

    /// <inheritdoc/>
    public void ReportWarning(string code, string message, string? filePath) =>
        LogIssue("warning", code, message, filePath);

    /// <inheritdoc/>
    public void BeginGroup(string title) => commands.WriteLine("##[group]" + UntrustedText.Neutralize(title));

    /// <inheritdoc/>
    public void EndGroup() => commands.WriteLine("##[endgroup]");

    /// <inheritdoc/>
    public void WriteSummary(StageResult result, IReadOnlyList<SummaryLink>? links = null)
    {
        var folder = getVariable("AGENT_TEMPDIRECTORY");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.GetTempPath();
        }

        var path = Path.Combine(folder, $"esa-stage-summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, StageSummaryMarkdown.Render(result, links));
        commands.WriteLine("##vso[task.uploadsummary]" + CommandEscaping.AzureData(path));
    }

    /// <inheritdoc/>
    public string Neutralize(string untrustedText) => UntrustedText.Neutralize(untrustedText);

    private void SetOutput(string name, string value) =>
        commands.WriteLine($"##vso[task.setvariable variable={name};isoutput=true]{CommandEscaping.AzureData(value)}");

    private void LogIssue(string type, string code, string message, string? filePath)
    {
        var properties = $"type={type};code={CommandEscaping.AzureProperty(code)}";
        if (!string.IsNullOrEmpty(filePath))
        {
            properties += ";sourcepath=" + CommandEscaping.AzureProperty(filePath);
        }

        commands.WriteLine($"##vso[task.logissue {properties}]{CommandEscaping.AzureData($"{code}: {message}")}");
    }
}
