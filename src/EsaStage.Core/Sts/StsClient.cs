using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Signing;

namespace EsaStage.Core.Sts;

/// <summary>
/// A client of Alibaba Cloud STS (2015-04-01) for the two calls that turn a role into temporary credentials:
/// <c>AssumeRole</c>, signed with the V2 RPC signature (HMAC-SHA1) as the credentials SDKs sign it, and
/// <c>AssumeRoleWithOIDC</c>, which is anonymous. Parameters travel in a form body, so an OIDC token never sits in
/// a URL.
/// </summary>
public sealed class StsClient
{
    /// <summary>The STS API version.</summary>
    public const string ApiVersion = "2015-04-01";

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly IStageLog _log;
    private readonly RetryOptions _retry;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client; its timeout bounds each attempt.</param>
    /// <param name="endpoint">The STS base address, from <see cref="StsEndpoint.Resolve"/>.</param>
    /// <param name="time">The clock for <c>Timestamp</c>, expiry and waits.</param>
    /// <param name="log">Receives one line per retry; <see langword="null"/> for none.</param>
    /// <param name="retry">How transient failures are retried; <see langword="null"/> for the defaults.</param>
    public StsClient(HttpClient http, Uri endpoint, TimeProvider? time = null, IStageLog? log = null,
        RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);

        _http = http;
        Endpoint = endpoint;
        _time = time ?? TimeProvider.System;
        _log = log ?? NullStageLog.Instance;
        _retry = retry ?? new RetryOptions();
    }

    /// <summary>Gets the STS base address.</summary>
    public Uri Endpoint { get; }

    /// <summary>Assumes a RAM role with a caller's AccessKey (<c>AssumeRole</c>).</summary>
    /// <param name="caller">The credential that signs the call; a temporary one chains roles.</param>
    /// <param name="role">The role, session and duration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role's temporary credential, with its expiration.</returns>
    /// <exception cref="EsaApiException">STS refused.</exception>
    /// <exception cref="EsaStageException">STS could not be reached or answered nonsense.</exception>
    public Task<AccessKeyCredential> AssumeRoleAsync(AccessKeyCredential caller, StsRoleRequest role,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(role);

        var parameters = RoleParameters(role);
        if (role.ExternalId is not null)
        {
            parameters.Add(new("ExternalId", role.ExternalId));
        }

        return CallAsync("AssumeRole", parameters, caller, cancellationToken);
    }

    /// <summary>Assumes a RAM role with an OIDC token (<c>AssumeRoleWithOIDC</c>, not signed).</summary>
    /// <param name="role">The role, session and duration.</param>
    /// <param name="oidcProviderArn">The OIDC identity provider's ARN.</param>
    /// <param name="oidcToken">The OIDC token (a JWT).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role's temporary credential, with its expiration.</returns>
    /// <exception cref="EsaApiException">STS refused.</exception>
    /// <exception cref="EsaStageException">STS could not be reached or answered nonsense.</exception>
    public Task<AccessKeyCredential> AssumeRoleWithOidcAsync(StsRoleRequest role, string oidcProviderArn,
        string oidcToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentException.ThrowIfNullOrEmpty(oidcProviderArn);
        ArgumentException.ThrowIfNullOrEmpty(oidcToken);

        var parameters = RoleParameters(role);
        parameters.Add(new("OIDCProviderArn", oidcProviderArn));
        parameters.Add(new("OIDCToken", oidcToken));
        return CallAsync("AssumeRoleWithOIDC", parameters, signer: null, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> RoleParameters(StsRoleRequest role)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("RoleArn", role.RoleArn),
            new("RoleSessionName", role.SessionName),
            new("DurationSeconds", role.DurationSeconds.ToString(CultureInfo.InvariantCulture)),
        };
        if (role.Policy is not null)
        {
            parameters.Add(new("Policy", role.Policy));
        }

        return parameters;
    }

    private async Task<AccessKeyCredential> CallAsync(string action, List<KeyValuePair<string, string>> parameters,
        AccessKeyCredential? signer, CancellationToken cancellationToken)
    {
        var pipeline = ApiRetry.Create(_retry, _time, _log, () => $"STS {action}",
            TransientFailures.DescribeApiFailure);
        return await pipeline.ExecuteAsync(
            async token => await SendOnceAsync(action, parameters, signer, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccessKeyCredential> SendOnceAsync(string action,
        List<KeyValuePair<string, string>> parameters, AccessKeyCredential? signer,
        CancellationToken cancellationToken)
    {
        using var request = BuildRequest(action, parameters, signer);
        var body = await RpcTransport.SendAsync(_http, request, "STS " + action, "STS", Endpoint, _time,
            cancellationToken).ConfigureAwait(false);
        return StsAnswer.ReadCredential(action, body);
    }

    private HttpRequestMessage BuildRequest(string action, List<KeyValuePair<string, string>> parameters,
        AccessKeyCredential? signer)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("Action", action),
            new("Version", ApiVersion),
            new("Format", "JSON"),
            new("Timestamp", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ",
                CultureInfo.InvariantCulture)),
        };
        if (signer is not null)
        {
            all.Add(new("SignatureMethod", RpcV2Signer.SignatureMethod));
            all.Add(new("SignatureVersion", RpcV2Signer.SignatureVersion));
            all.Add(new("SignatureNonce", SignatureNonce.Create()));
            all.Add(new("AccessKeyId", signer.AccessKeyId));
            if (signer.SecurityToken is not null)
            {
                all.Add(new("SecurityToken", signer.SecurityToken));
            }
        }

        all.AddRange(parameters);
        if (signer is not null)
        {
            all.Add(new("Signature", RpcV2Signer.Sign("POST", all, signer.AccessKeySecret)));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(FormUrlEncoding.Encode(all)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FormUrlEncoding.ContentType);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.UserAgent.ParseAdd(ProductInfo.UserAgent);
        return request;
    }
}
