using System.Net.Http.Headers;
using EsaStage.Core.Signing;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>An ESA RPC request signed with the product's <see cref="Acs3Signer"/>, with knobs to break it.</summary>
internal sealed class SignedEsaRequest
{
    public required string AccessKeyId { get; init; }

    public required string AccessKeySecret { get; init; }

    public string? SecurityToken { get; init; }

    public required string Action { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    public ParameterPlacement Placement { get; init; } = ParameterPlacement.FormBody;

    public bool Chunked { get; init; }

    public string Version { get; init; } = "2024-09-10";

    public DateTimeOffset? Date { get; init; }

    public string? Nonce { get; init; }

    /// <summary>Headers sent but left out of the signature (to test that they must be signed).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnsignedExtraHeaders { get; init; } = [];

    public static SignedEsaRequest For(EsaEmulator emulator, string action,
        params (string Name, string Value)[] args) =>
        new()
        {
            AccessKeyId = emulator.AccessKeyId,
            AccessKeySecret = emulator.AccessKeySecret,
            Action = action,
            Parameters = [.. args.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))],
        };

    public HttpRequestMessage ToHttpRequest(Uri endpoint, DateTimeOffset? now = null)
    {
        var query = Placement == ParameterPlacement.Query ? Parameters : [];
        var body = Placement == ParameterPlacement.FormBody ? FormUrlEncoding.Encode(Parameters) : [];
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", endpoint.Authority),
            new("x-acs-action", Action),
            new("x-acs-version", Version),
            new("x-acs-date", (Date ?? now ?? TimeProvider.System.GetUtcNow()).UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Nonce ?? SignatureNonce.Create()),
            new("x-acs-content-sha256", Acs3Signer.Sha256Hex(body)),
        };
        if (SecurityToken is not null)
        {
            headers.Add(new("x-acs-security-token", SecurityToken));
        }

        if (Placement == ParameterPlacement.FormBody)
        {
            headers.Add(new("content-type", FormUrlEncoding.ContentType));
        }

        var method = Placement == ParameterPlacement.Query ? "GET" : "POST";
        var signature = Acs3Signer.Sign(method, "/", query, headers, Acs3Signer.Sha256Hex(body), AccessKeySecret);
        var queryText = string.Join('&', query.Select(p => Rfc3986.Encode(p.Key) + "=" + Rfc3986.Encode(p.Value)));
        var request = new HttpRequestMessage(new HttpMethod(method),
            new Uri(endpoint, queryText.Length == 0 ? "/" : "/?" + queryText));
        if (Placement == ParameterPlacement.FormBody)
        {
            request.Content = Chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(FormUrlEncoding.ContentType);
        }

        foreach (var (name, value) in headers.Concat(UnsignedExtraHeaders))
        {
            if (name is not ("host" or "content-type"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ToAuthorization(AccessKeyId));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
