using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Signing;

namespace EsaStage.Core.Api;

/// <summary>
/// A client of the ESA OpenAPI (version 2024-09-10): RPC calls sent as <c>POST /</c> with a form body, as the
/// official SDK sends them, each signed with ACS3-HMAC-SHA256 with a fresh date and nonce.
/// </summary>
public sealed class EsaClient
{
    /// <summary>The API version sent in <c>x-acs-version</c>.</summary>
    public const string ApiVersion = "2024-09-10";

    private readonly HttpClient _http;
    private readonly ICredentialProvider _credentials;
    private readonly TimeProvider _time;
    private readonly IStageLog _log;
    private readonly RetryOptions _retry;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client; its timeout bounds each attempt of each call.</param>
    /// <param name="endpoint">The API base address, from <see cref="EsaEndpoint.Resolve"/>.</param>
    /// <param name="credentials">Where credentials come from; asked before every attempt.</param>
    /// <param name="time">The clock for <c>x-acs-date</c> and the waits between attempts.</param>
    /// <param name="log">Receives one line per retry; <see langword="null"/> for none.</param>
    /// <param name="retry">How transient failures are retried; <see langword="null"/> for the defaults.</param>
    public EsaClient(HttpClient http, Uri endpoint, ICredentialProvider credentials, TimeProvider? time = null,
        IStageLog? log = null, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);

        _http = http;
        Endpoint = endpoint;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
        _log = log ?? NullStageLog.Instance;
        _retry = retry ?? new RetryOptions();
    }

    /// <summary>Gets the API base address.</summary>
    public Uri Endpoint { get; }

    /// <summary>Asks for a code version and the form to upload the staging code with.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="codeDescription">The description; left out when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code version and the upload form.</returns>
    public async Task<StagingUploadInfo> GetRoutineStagingCodeUploadInfoAsync(string name, string? codeDescription,
        CancellationToken cancellationToken)
    {
        const string Action = "GetRoutineStagingCodeUploadInfo";
        using var answer = await CallAsync(Action, Parameters(("CodeDescription", codeDescription), ("Name", name)),
            cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;

        var codeVersion = RequireCodeVersion(Action, root);
        if (!JsonFields.TryGet(root, "OssPostConfig", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            throw UnexpectedShape(Action, "it has no OssPostConfig object");
        }

        // Kept as an ordered list: names such as x:codeDescription are forwarded byte for byte, in order.
        var entries = config.EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, JsonFields.AsText(p.Value) ?? string.Empty))
            .ToList();

        return new StagingUploadInfo(codeVersion, entries, JsonFields.GetText(root, "RequestId"));
    }

    /// <summary>Commits the staging code to a new formal code version.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="codeDescription">The description; left out when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The committed code version.</returns>
    public async Task<string> CommitRoutineStagingCodeAsync(string name, string? codeDescription,
        CancellationToken cancellationToken)
    {
        const string Action = "CommitRoutineStagingCode";
        using var answer = await CallAsync(Action, Parameters(("CodeDescription", codeDescription), ("Name", name)),
            cancellationToken).ConfigureAwait(false);
        return RequireCodeVersion(Action, answer.RootElement);
    }

    /// <summary>Publishes a code version to an environment.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="environment">The environment, <c>staging</c> or <c>production</c>.</param>
    /// <param name="codeVersion">The code version to publish.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service has accepted the publish.</returns>
    public async Task PublishRoutineCodeVersionAsync(string name, string environment, string codeVersion,
        CancellationToken cancellationToken)
    {
        using var answer = await CallAsync("PublishRoutineCodeVersion",
            Parameters(("CodeVersion", codeVersion), ("Env", environment), ("Name", name)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a routine and what is deployed to its environments.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The routine.</returns>
    public async Task<RoutineDetails> GetRoutineAsync(string name, CancellationToken cancellationToken)
    {
        using var answer = await CallAsync("GetRoutine", Parameters(("Name", name)), cancellationToken)
            .ConfigureAwait(false);
        return RoutineDetailsReader.Read(name, answer.RootElement);
    }

    /// <summary>Creates a routine.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="description">The routine description; left out when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the routine exists.</returns>
    public async Task CreateRoutineAsync(string name, string? description, CancellationToken cancellationToken)
    {
        using var answer = await CallAsync("CreateRoutine", Parameters(("Description", description), ("Name", name)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists one page of a routine's code versions.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="pageNumber">The page, from 1.</param>
    /// <param name="pageSize">The page size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public async Task<CodeVersionPage> ListRoutineCodeVersionsAsync(string name, int pageNumber, int pageSize,
        CancellationToken cancellationToken)
    {
        using var answer = await CallAsync("ListRoutineCodeVersions", Parameters(
                ("Name", name),
                ("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture)),
                ("PageSize", pageSize.ToString(CultureInfo.InvariantCulture))),
            cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;

        var versions = new List<CodeVersionSummary>();
        if (JsonFields.TryGet(root, "CodeVersions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var version = JsonFields.GetCodeVersion(item, "CodeVersion");
                if (version is not null)
                {
                    versions.Add(new CodeVersionSummary(version, JsonFields.GetText(item, "CodeDescription"),
                        JsonFields.GetText(item, "CreateTime"), JsonFields.GetText(item, "Status")));
                }
            }
        }

        return new CodeVersionPage(JsonFields.GetInt32(root, "TotalCount", versions.Count), versions);
    }

    /// <summary>Deletes a code version.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="codeVersion">The code version to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the version is deleted.</returns>
    public async Task DeleteRoutineCodeVersionAsync(string name, string codeVersion,
        CancellationToken cancellationToken)
    {
        using var answer = await CallAsync("DeleteRoutineCodeVersion",
            Parameters(("CodeVersion", codeVersion), ("Name", name)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one RPC call and returns its JSON answer. Transient failures are retried as <see cref="RetryOptions"/>
    /// says, each attempt a newly signed request with its own date and nonce.
    /// </summary>
    /// <param name="action">The operation name.</param>
    /// <param name="parameters">The parameters, in the order to send them.</param>
    /// <param name="cancellationToken">Cancels the call, including a wait between attempts.</param>
    /// <returns>The parsed answer; the caller disposes it.</returns>
    /// <exception cref="EsaApiException">The service answered with an error.</exception>
    /// <exception cref="EsaStageException">The service could not be reached or answered nonsense.</exception>
    public async Task<JsonDocument> CallAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(parameters);

        var pipeline = ApiRetry.Create(_retry, _time, _log, () => action, TransientFailures.DescribeApiFailure);
        return await pipeline.ExecuteAsync(
            async token => await SendOnceAsync(action, parameters, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonDocument> SendOnceAsync(string action,
        IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
        using var request = BuildSignedRequest(action, parameters, credential);
        var body = await RpcTransport.SendAsync(_http, request, action, "the ESA OpenAPI", Endpoint, _time,
            cancellationToken).ConfigureAwait(false);
        return ParseSuccess(action, body);
    }

    private HttpRequestMessage BuildSignedRequest(string action, IReadOnlyList<KeyValuePair<string, string>> parameters,
        AccessKeyCredential credential)
    {
        var body = FormUrlEncoding.Encode(parameters);
        var payloadHash = Acs3Signer.Sha256Hex(body);

        var signedHeaders = new List<KeyValuePair<string, string>>
        {
            new("host", Endpoint.Authority),
            new("content-type", FormUrlEncoding.ContentType),
            new("x-acs-action", action),
            new("x-acs-version", ApiVersion),
            new("x-acs-date", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ",
                CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", SignatureNonce.Create()),
            new("x-acs-content-sha256", payloadHash),
        };
        if (credential.SecurityToken is not null)
        {
            signedHeaders.Add(new("x-acs-accesskey-id", credential.AccessKeyId));
            signedHeaders.Add(new("x-acs-security-token", credential.SecurityToken));
        }

        var signature = Acs3Signer.Sign("POST", "/", [], signedHeaders, payloadHash, credential.AccessKeySecret);

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FormUrlEncoding.ContentType);
        foreach (var (headerName, headerValue) in signedHeaders)
        {
            if (headerName.StartsWith("x-acs-", StringComparison.Ordinal))
            {
                request.Headers.TryAddWithoutValidation(headerName, headerValue);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ToAuthorization(credential.AccessKeyId));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.UserAgent.ParseAdd(ProductInfo.UserAgent);
        return request;
    }

    private static JsonDocument ParseSuccess(string action, byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw UnexpectedShape(action, "it is not a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new EsaStageException(ErrorCodes.UnexpectedResponse,
                $"{action} answered HTTP 200 with a body that is not JSON: {ex.Message}", ex);
        }
    }

    private static string RequireCodeVersion(string action, JsonElement root)
    {
        try
        {
            var codeVersion = JsonFields.GetCodeVersion(root, "CodeVersion");
            return string.IsNullOrEmpty(codeVersion) ? throw UnexpectedShape(action, "it has no CodeVersion")
                : codeVersion;
        }
        catch (FormatException ex)
        {
            throw new EsaStageException(ErrorCodes.UnexpectedResponse,
                $"{action} answered with an unusable CodeVersion: {ex.Message}", ex);
        }
    }

    private static EsaStageException UnexpectedShape(string action, string what) =>
        new(ErrorCodes.UnexpectedResponse, $"{action} answered HTTP 200, but {what}.");

    private static List<KeyValuePair<string, string>> Parameters(params (string Name, string? Value)[] values) =>
        [.. values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Name, v.Value!))];
}
