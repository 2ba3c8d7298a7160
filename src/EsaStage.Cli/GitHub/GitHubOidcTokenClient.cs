using System.Net.Http.Headers;
using System.Text.Json;
using EsaStage.Core;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// Asks the GitHub Actions runtime for an OIDC token (a JWT naming the repository, workflow and ref), the way the
/// Actions toolkit's <c>getIDToken</c> does: GET <c>ACTIONS_ID_TOKEN_REQUEST_URL</c> plus <c>&amp;audience=…</c>,
/// authorised with <c>ACTIONS_ID_TOKEN_REQUEST_TOKEN</c>, answered with <c>{"value": "&lt;jwt&gt;"}</c>.
/// </summary>
/// <param name="http">The client to ask with.</param>
/// <param name="getVariable">Reads an environment variable.</param>
internal sealed class GitHubOidcTokenClient(HttpClient http, Func<string, string?> getVariable)
{
    public const string RequestUrlVariable = "ACTIONS_ID_TOKEN_REQUEST_URL";

    public const string RequestTokenVariable = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    /// <summary>Gets the runtime's request token, so the caller can mask it before anything prints.</summary>
    public string? RequestToken => getVariable(RequestTokenVariable);

    /// <summary>Requests a token for the audience.</summary>
    /// <param name="audience">The <c>aud</c> claim the token must carry.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The JWT.</returns>
    /// <exception cref="EsaStageException">The job may not request tokens, or the request failed.</exception>
    public async Task<string> RequestAsync(string audience, CancellationToken cancellationToken)
    {
        var url = getVariable(RequestUrlVariable);
        var requestToken = RequestToken;
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(requestToken))
        {
            throw NotPermitted();
        }

        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{url}{separator}audience={Uri.EscapeDataString(audience)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", requestToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed($"it answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return ReadToken(body);
        }
        catch (HttpRequestException ex)
        {
            throw Failed(ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed("it did not answer in time", ex);
        }
    }

    /// <summary>The error for a job that may not request a token.</summary>
    /// <returns>The exception to throw.</returns>
    public static EsaStageException NotPermitted() => new(ErrorCodes.OidcTokenNotPermitted,
        $"{RequestUrlVariable} is not set, so this job may not request a GitHub OIDC token. Grant it with " +
        "'permissions: id-token: write' on the job or workflow (pull requests from forks never get one).");

    private static string ReadToken(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("value", out var value) &&
                value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Reported below without the body, which might hold a token.
        }

        throw Failed("its answer held no token (expected JSON with a 'value')");
    }

    private static EsaStageException Failed(string why, Exception? inner = null) =>
        new(ErrorCodes.OidcTokenRequestFailed,
            $"The GitHub OIDC token request failed: {why}. Re-run the job; if it persists, check the runner's " +
            "connection to GitHub.", inner);
}
