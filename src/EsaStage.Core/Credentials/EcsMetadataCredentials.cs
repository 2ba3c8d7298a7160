using System.Text.Json;
using EsaStage.Core.Api;
using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>
/// Fetches the credential of an ECS instance's RAM role from the instance metadata service, in hardened mode
/// first: a session token from <c>PUT /latest/api/token</c>, sent with every read. When the service gives no token,
/// the plain reads (IMDSv1) are used instead, unless <c>ALIBABA_CLOUD_IMDSV1_DISABLED=true</c> forbids them.
/// </summary>
/// <param name="http">The HTTP client.</param>
/// <param name="endpoint">The metadata service's base address.</param>
/// <param name="roleName">The role name; <see langword="null"/> asks the service for it.</param>
/// <param name="imdsV1Disabled">Whether the fallback to plain reads is forbidden.</param>
/// <param name="timeout">The timeout of each request.</param>
internal sealed class EcsMetadataCredentials(HttpClient http, Uri endpoint, string? roleName, bool imdsV1Disabled,
    TimeSpan timeout)
{
    /// <summary>The lifetime asked for the hardened-mode session token, in seconds.</summary>
    public const int TokenTtlSeconds = 21600;

    private const string CredentialsPath = "latest/meta-data/ram/security-credentials/";

    /// <summary>Fetches the role's current credential.</summary>
    /// <exception cref="MetadataUnreachableException">Nothing answered at the address.</exception>
    /// <exception cref="EsaStageException">The service answered, but with no usable credential.</exception>
    public async Task<AccessKeyCredential> FetchAsync(CancellationToken cancellationToken)
    {
        var token = await TryGetTokenAsync(cancellationToken).ConfigureAwait(false);
        var role = roleName;
        if (string.IsNullOrEmpty(role))
        {
            var (status, body) = await SendAsync(HttpMethod.Get, CredentialsPath, token, cancellationToken)
                .ConfigureAwait(false);
            role = status == 200
                ? body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .FirstOrDefault()
                : null;
            if (string.IsNullOrEmpty(role))
            {
                throw Failed($"it names no RAM role for this instance (HTTP {status}); attach a RAM role to the " +
                    "instance, or set ALIBABA_CLOUD_ECS_METADATA to its name");
            }
        }

        var (credentialStatus, json) = await SendAsync(HttpMethod.Get, CredentialsPath + Uri.EscapeDataString(role),
            token, cancellationToken).ConfigureAwait(false);
        if (credentialStatus != 200)
        {
            throw Failed($"reading the credential of role '{role}' answered HTTP {credentialStatus}" +
                (credentialStatus == 404 ? "; check the role name" : string.Empty));
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var code = JsonFields.GetText(document.RootElement, "Code");
            if (code is not null && code != "Success")
            {
                throw Failed($"the credential of role '{role}' came with Code '{code}'");
            }

            return StsAnswer.ReadFields($"The ECS metadata service (role '{role}')", document.RootElement);
        }
        catch (JsonException ex)
        {
            throw Failed($"the credential of role '{role}' is not JSON ({ex.Message})");
        }
    }

    private async Task<string?> TryGetTokenAsync(CancellationToken cancellationToken)
    {
        int status;
        string body;
        try
        {
            (status, body) = await SendAsync(HttpMethod.Put, "latest/api/token", token: null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (MetadataUnreachableException) when (!imdsV1Disabled)
        {
            // Some proxies and old instances refuse the PUT outright; the plain reads below decide.
            return null;
        }

        if (status == 200 && body.Length > 0)
        {
            return body.Trim();
        }

        return imdsV1Disabled
            ? throw Failed($"it gave no hardened-mode token (HTTP {status}), and ALIBABA_CLOUD_IMDSV1_DISABLED=true " +
                "forbids reading without one")
            : null;
    }

    private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? token,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        if (method == HttpMethod.Put)
        {
            request.Headers.TryAddWithoutValidation("x-aliyun-ecs-metadata-token-ttl-seconds",
                TokenTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("x-aliyun-ecs-metadata-token", token);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            throw new MetadataUnreachableException($"nothing answered at {endpoint.Authority} ({ex.Message})", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetadataUnreachableException(
                $"nothing answered at {endpoint.Authority} within {timeout.TotalSeconds:0.#} s", ex);
        }
    }

    private EsaStageException Failed(string what) =>
        new(ErrorCodes.CredentialSourceFailed,
            $"The ECS metadata service at {endpoint.Authority} answered, but {what}.");
}
