using System.Net;
using EsaStage.Core.Ci;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// The sticky pull request comment for one routine: found again by a hidden marker on its first line and updated
/// in place, so a pull request shows one current comment per routine however often it is pushed.
/// </summary>
internal static class PullRequestComment
{
    /// <summary>Gets the marker that starts the routine's comment (routine names hold no markup).</summary>
    /// <param name="routine">The routine.</param>
    /// <returns>An HTML comment, invisible when rendered.</returns>
    public static string Marker(string routine) => $"<!-- esa-stage routine=\"{routine}\" -->";

    /// <summary>Tells whether a comment body is the routine's sticky comment.</summary>
    /// <param name="body">The comment body.</param>
    /// <param name="routine">The routine.</param>
    /// <returns><see langword="true"/> when the body starts with the routine's marker.</returns>
    /// <remarks>The closing quote in the marker keeps <c>hello</c> from matching <c>hello-routine</c>.</remarks>
    public static bool IsFor(string? body, string routine) =>
        body is not null && body.StartsWith(Marker(routine), StringComparison.Ordinal);

    /// <summary>Renders the comment: the marker, the summary table, and where it came from.</summary>
    /// <param name="report">The staging.</param>
    /// <param name="context">The run.</param>
    /// <returns>The comment body.</returns>
    public static string Render(StageReport report, GitHubRunContext context)
    {
        var table = report.Result is { } result
            ? StageSummaryMarkdown.Render(result, report.Links)
            : StageSummaryMarkdown.RenderFailure(report.Routine, report.ErrorCode,
                report.ErrorMessage ?? "Staging failed.", report.Links);

        var origin = "Updated by esa-stage";
        if (context.Sha is { } sha)
        {
            origin += $" for commit <code>{WebUtility.HtmlEncode(sha)}</code>";
        }

        if (context.RunUrl is { } run)
        {
            origin += $" in <a href=\"{WebUtility.HtmlEncode(run.AbsoluteUri)}\">this run</a>";
        }

        return $"{Marker(report.Routine)}\n{table}\n<sub>{origin}.</sub>\n";
    }
}
