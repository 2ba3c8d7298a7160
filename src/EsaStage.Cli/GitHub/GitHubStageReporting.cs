using EsaStage.Core;
using EsaStage.Core.Ci;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Staging;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// The tool's GitHub reporting, switched on under GitHub Actions when <c>ESA_GITHUB_TOKEN</c> holds a token (the
/// action sets it from its <c>github-token</c> input).
/// </summary>
internal sealed class GitHubStageReporting
{
    private readonly GitHubReporter _reporter;
    private readonly ICiSink _ci;

    private GitHubStageReporting(GitHubReporter reporter, ICiSink ci)
    {
        _reporter = reporter;
        _ci = ci;
    }

    /// <summary>Sets up reporting when it is asked for; the token is masked first.</summary>
    /// <param name="getVariable">Reads an environment variable.</param>
    /// <param name="ci">The CI sink, for the log group.</param>
    /// <param name="log">Masks the token and receives warnings.</param>
    /// <returns>The reporting, or <see langword="null"/> when it is not asked for or cannot work.</returns>
    public static GitHubStageReporting? TryCreate(Func<string, string?> getVariable, ICiSink ci, IStageLog log)
    {
        var token = getVariable(GitHubClients.TokenVariable);
        if (string.IsNullOrWhiteSpace(token) ||
            !string.Equals(getVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        log.MaskSecret(token);
        var (context, problem) = GitHubRunContext.Read(getVariable);
        if (context is null)
        {
            log.Warning(ErrorCodes.GitHubReportFailed, $"Nothing is reported to GitHub: {problem}.");
            return null;
        }

        var client = GitHubClients.Create(context, token.Trim());
        return new GitHubStageReporting(new GitHubReporter(client, context, log), ci);
    }

    /// <summary>Reports a staging that succeeded.</summary>
    /// <param name="result">The result.</param>
    /// <param name="routineUrl">The routine's default domain, when known.</param>
    /// <param name="links">The summary's links.</param>
    /// <returns>A task that ends when every part was tried.</returns>
    public Task ReportSuccessAsync(StageResult result, Uri? routineUrl, IReadOnlyList<SummaryLink> links) =>
        ReportAsync(new StageReport
        {
            Routine = result.Routine,
            Environment = StageReport.EnvironmentFor(result.PublishedEnvironment),
            Result = result,
            RoutineUrl = routineUrl,
            Links = links,
        });

    /// <summary>Reports a staging that failed.</summary>
    /// <param name="routine">The routine (already validated).</param>
    /// <param name="publish">The environment that publishing was asked for, if any.</param>
    /// <param name="errorCode">The product code of the failure, when known.</param>
    /// <param name="message">What went wrong.</param>
    /// <returns>A task that ends when every part was tried.</returns>
    public Task ReportFailureAsync(string routine, PublishEnvironment? publish, string? errorCode,
        string message) =>
        ReportAsync(new StageReport
        {
            Routine = routine,
            Environment = StageReport.EnvironmentFor(publish?.ToApiName()),
            ErrorCode = errorCode,
            ErrorMessage = message,
        });

    private async Task ReportAsync(StageReport report)
    {
        _ci.BeginGroup("Report to GitHub");
        try
        {
            await _reporter.ReportAsync(report);
        }
        finally
        {
            _ci.EndGroup();
        }
    }
}
