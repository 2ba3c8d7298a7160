using System.Collections.ObjectModel;
using System.Net;
using EsaStage.Core;
using EsaStage.Core.Diagnostics;
using Octokit;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// Reports a staging to GitHub: a deployment with a success or failure status, and on pull requests one sticky
/// comment per routine.
/// </summary>
/// <remarks>
/// Reporting is a courtesy around the staging, never part of its outcome: each failure becomes a warning
/// (<c>ESA4101</c>) and the next part is still tried, so a missing permission neither fails a staging that
/// succeeded nor hides one that failed.
/// </remarks>
/// <param name="client">The GitHub API.</param>
/// <param name="context">The run.</param>
/// <param name="log">Receives progress and the warnings.</param>
internal sealed class GitHubReporter(IGitHubClient client, GitHubRunContext context, IStageLog log)
{
    /// <summary>GitHub's limit on a deployment status description.</summary>
    private const int MaxStatusDescription = 140;

    /// <summary>Reports the staging.</summary>
    /// <param name="report">The staging.</param>
    /// <returns>A task that ends when every part was tried.</returns>
    public async Task ReportAsync(StageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        if (context.Sha is null)
        {
            log.Warning(ErrorCodes.GitHubReportFailed,
                "No deployment was recorded on GitHub: GITHUB_SHA is not set, so the commit is unknown.");
        }
        else
        {
            await TryAsync("the deployment", "deployments: write", () => RecordDeploymentAsync(report, context.Sha));
        }

        if (context.PullRequest is { } number)
        {
            await TryAsync("the pull request comment", "pull-requests: write",
                () => UpsertCommentAsync(report, number));
        }
    }

    private async Task RecordDeploymentAsync(StageReport report, string sha)
    {
        var payload = new Dictionary<string, string> { ["routine"] = report.Routine };
        if (report.Result is { } result)
        {
            payload["codeVersion"] = result.CodeVersion;
            payload["committedCodeVersion"] = result.CommittedCodeVersion ?? string.Empty;
            payload["publishedEnvironment"] = result.PublishedEnvironment ?? string.Empty;
            payload["sha256"] = result.Sha256;
        }
        else if (report.ErrorCode is not null)
        {
            payload["error"] = report.ErrorCode;
        }

        var description = Shorten(report.Result is { } staged
            ? $"Routine {report.Routine}: code version {staged.CodeVersion}"
            : $"Routine {report.Routine}: staging failed ({report.ErrorCode ?? "see the run's log"})");

        var deployment = await client.Repository.Deployment.Create(context.Owner, context.Repository,
            new NewDeployment(sha)
            {
                Environment = report.Environment,
                Description = description,
                Task = "deploy:esa-routine",
                AutoMerge = false,

                // Staging runs inside the checks of its own commit, so waiting for them would never end.
                RequiredContexts = new Collection<string>(),
                Payload = payload,
                ProductionEnvironment = report.Environment == StageReport.EnvironmentFor("production"),
            });

        await client.Repository.Deployment.Status.Create(context.Owner, context.Repository, deployment.Id,
            new NewDeploymentStatus(report.Result is null ? DeploymentState.Failure : DeploymentState.Success)
            {
                Description = description,
                LogUrl = context.RunUrl?.AbsoluteUri,
                EnvironmentUrl = report.Result is null ? null : report.RoutineUrl?.AbsoluteUri,
            });
        log.Info($"Recorded GitHub deployment {deployment.Id} to environment '{report.Environment}'.");
    }

    private async Task UpsertCommentAsync(StageReport report, int number)
    {
        var body = PullRequestComment.Render(report, context);
        var comments = await client.Issue.Comment.GetAllForIssue(context.Owner, context.Repository, number);
        var existing = comments.FirstOrDefault(c => PullRequestComment.IsFor(c.Body, report.Routine));
        if (existing is null)
        {
            var created = await client.Issue.Comment.Create(context.Owner, context.Repository, number, body);
            log.Info($"Commented on pull request #{number} (comment {created.Id}).");
        }
        else
        {
            await client.Issue.Comment.Update(context.Owner, context.Repository, existing.Id, body);
            log.Info($"Updated the comment on pull request #{number} (comment {existing.Id}).");
        }
    }

    private async Task TryAsync(string what, string permission, Func<Task> report)
    {
        try
        {
            await report();
        }
        catch (ApiException ex)
        {
            var hint = ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                ? $" Grant the job 'permissions: {permission}' and pass a token that has it."
                : string.Empty;
            Warn(what, $"GitHub answered HTTP {(int)ex.StatusCode}: {ex.Message}.{hint}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Warn(what, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Octokit reads GitHub's answers into its models by reflection; an answer it cannot read (a field of a
            // shape it does not expect) must not turn a staging that succeeded into a failed step.
            Warn(what, $"GitHub's answer could not be read ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    private void Warn(string what, string why) =>
        log.Warning(ErrorCodes.GitHubReportFailed,
            $"Reporting {what} to GitHub failed; the staging's own result stands. {why}");

    private static string Shorten(string text) =>
        text.Length <= MaxStatusDescription ? text : text[..(MaxStatusDescription - 1)] + "…";
}
