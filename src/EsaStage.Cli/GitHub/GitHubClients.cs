using EsaStage.Core;
using Octokit;
using Octokit.Internal;

namespace EsaStage.Cli.GitHub;

/// <summary>Creates the Octokit client for a run, pointed exactly at the run's <c>GITHUB_API_URL</c>.</summary>
internal static class GitHubClients
{
    /// <summary>The variable the action sets from its <c>github-token</c> input; never a command-line value.</summary>
    public const string TokenVariable = "ESA_GITHUB_TOKEN";

    /// <summary>Creates the client.</summary>
    /// <param name="context">The run, whose API root is used as given (e.g. GHES's <c>/api/v3/</c>).</param>
    /// <param name="token">The token.</param>
    /// <returns>The client.</returns>
    public static IGitHubClient Create(GitHubRunContext context, string token)
    {
        // GitHubClient's own constructor rewrites any host but github.com to <host>/api/v3/; a Connection takes
        // the root as the runner gives it, which also serves hosts whose API lives elsewhere.
        var connection = new Connection(new ProductHeaderValue("esa-stage", ProductInfo.Version), context.ApiUrl,
            new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)));
        connection.SetRequestTimeout(TimeSpan.FromSeconds(30));
        return new GitHubClient(connection);
    }
}
