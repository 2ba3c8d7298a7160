using System.Text.Json;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// What the runner tells a step about its run: the API to report to, the repository, the commit, and the pull
/// request when the run was triggered by one.
/// </summary>
internal sealed record GitHubRunContext
{
    /// <summary>Gets the REST API root, e.g. <c>https://api.github.com/</c> or a GitHub Enterprise Server's.</summary>
    public required Uri ApiUrl { get; init; }

    public required Uri ServerUrl { get; init; }

    public required string Owner { get; init; }

    public required string Repository { get; init; }

    /// <summary>Gets the commit to deploy: the pull request's head, else <c>GITHUB_SHA</c>.</summary>
    public string? Sha { get; init; }

    public string? RunId { get; init; }

    /// <summary>Gets the pull request number on <c>pull_request</c> and <c>pull_request_target</c> runs.</summary>
    public int? PullRequest { get; init; }

    /// <summary>Gets the run's page, when the run id is known.</summary>
    public Uri? RunUrl => RunId is null ? null : new Uri(ServerUrl, $"{Owner}/{Repository}/actions/runs/{RunId}");

    /// <summary>Reads the context from the runner's variables and event file.</summary>
    /// <param name="getVariable">Reads an environment variable.</param>
    /// <returns>The context, or <see langword="null"/> with the reason when the repository is unknown.</returns>
    public static (GitHubRunContext? Context, string? Problem) Read(Func<string, string?> getVariable)
    {
        var repository = getVariable("GITHUB_REPOSITORY") ?? string.Empty;
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == repository.Length - 1)
        {
            return (null, "GITHUB_REPOSITORY is not set to owner/name");
        }

        if (!TryDirectoryUri(getVariable("GITHUB_API_URL"), "https://api.github.com", out var api) ||
            !TryDirectoryUri(getVariable("GITHUB_SERVER_URL"), "https://github.com", out var server))
        {
            return (null, "GITHUB_API_URL or GITHUB_SERVER_URL is not an http(s) URL");
        }

        var (pullRequest, headSha) = ReadPullRequest(getVariable);
        return (new GitHubRunContext
        {
            ApiUrl = api,
            ServerUrl = server,
            Owner = repository[..slash],
            Repository = repository[(slash + 1)..],
            Sha = headSha ?? NullIfEmpty(getVariable("GITHUB_SHA")),
            RunId = NullIfEmpty(getVariable("GITHUB_RUN_ID")),
            PullRequest = pullRequest,
        }, null);
    }

    private static (int? Number, string? HeadSha) ReadPullRequest(Func<string, string?> getVariable)
    {
        var eventName = getVariable("GITHUB_EVENT_NAME");
        var eventPath = getVariable("GITHUB_EVENT_PATH");
        if (eventName is not ("pull_request" or "pull_request_target") || string.IsNullOrEmpty(eventPath) ||
            !File.Exists(eventPath))
        {
            return (null, null);
        }

        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllBytes(eventPath));
            if (!payload.RootElement.TryGetProperty("pull_request", out var pr) ||
                !pr.TryGetProperty("number", out var number) || !number.TryGetInt32(out var value))
            {
                return (null, null);
            }

            var sha = pr.TryGetProperty("head", out var head) && head.TryGetProperty("sha", out var headSha)
                ? headSha.GetString()
                : null;
            return (value, NullIfEmpty(sha));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static bool TryDirectoryUri(string? value, string fallback, out Uri uri)
    {
        var text = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

        // A trailing slash makes relative API paths resolve below the root, e.g. GHES's /api/v3/.
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out uri!) &&
            (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
