using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>Azure Pipelines: logging commands (<c>##vso[…]</c>) on the step's stdout.</summary>
/// <remarks>
/// <para>
/// Values are escaped as the agent expects (<c>%AZP25</c> for <c>%</c>), so they read back unchanged.
/// </para>
/// <para>
/// Each result is set twice. The agent files a variable set with <c>isOutput=true</c> only under the step's
/// reference name (<c>$(step.CodeVersion)</c>, and through <c>dependencies</c> / <c>stageDependencies</c> in other
/// jobs and stages); a plain <c>$(CodeVersion)</c> would not exist. The plain command first makes
/// <c>$(CodeVersion)</c> (and the <c>CODEVERSION</c> environment variable) work in later steps of the same job,
/// even when the step has no name. A task that declares the names in its <c>outputVariables</c> gets both forms
/// filed as outputs, which is harmless: the value is the same and the output form, written last, is the one kept.
/// </para>
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

        SetVariable(Outputs.CodeVersion, result.CodeVersion);
        SetVariable(Outputs.CommittedCodeVersion, result.CommittedCodeVersion ?? string.Empty);
        SetVariable(Outputs.PublishedEnvironment, result.PublishedEnvironment ?? string.Empty);
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
    /// <remarks>
    /// The agent uploads the file after the step, so it goes to the job's temporary folder, which lasts until the
    /// job ends. The summary's heading on the run's Extensions tab is the file's name, so each summary gets a folder
    /// of its own and a name that says what it is.
    /// </remarks>
    public void WriteSummary(StageResult result, IReadOnlyList<SummaryLink>? links = null)
    {
        ArgumentNullException.ThrowIfNull(result);

        var folder = getVariable("AGENT_TEMPDIRECTORY");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.GetTempPath();
        }

        var directory = Directory.CreateDirectory(Path.Combine(folder, $"esa-stage-{Guid.NewGuid():N}"));
        var path = Path.Combine(directory.FullName, $"ESA routine {result.Routine}.md");
        File.WriteAllText(path, StageSummaryMarkdown.Render(result, links));
        commands.WriteLine("##vso[task.uploadsummary]" + CommandEscaping.AzureData(path));
    }

    /// <inheritdoc/>
    public string Neutralize(string untrustedText) => UntrustedText.Neutralize(untrustedText);

    private void SetVariable(string name, string value)
    {
        var escaped = CommandEscaping.AzureData(value);
        commands.WriteLine($"##vso[task.setvariable variable={name}]{escaped}");
        commands.WriteLine($"##vso[task.setvariable variable={name};isoutput=true]{escaped}");
    }

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
