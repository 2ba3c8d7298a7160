using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Core.Signing;

/// <summary>
/// Alibaba Cloud signature V3 (ACS3-HMAC-SHA256): canonical request, string to sign and signature.
/// </summary>
/// <remarks>
/// The same code signs the product's requests and verifies them in the emulator, so both follow one reading of the
/// rules; the official SDK's captured vectors hold that reading to the SDK's behaviour.
/// </remarks>
public static class Acs3Signer
{
    /// <summary>The algorithm name that opens the string to sign and the <c>Authorization</c> header.</summary>
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>Lowercase hex SHA-256 of an empty payload.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// Whether a header of this name is signed: <c>host</c>, <c>content-type</c> and every <c>x-acs-*</c>.
    /// </summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns><see langword="true"/> when the header takes part in the signature.</returns>
    public static bool IsSignedHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        return name.Equals("host", StringComparison.OrdinalIgnoreCase)
            || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("x-acs-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Signs a request.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="canonicalUri">The path; <c>/</c> for RPC operations.</param>
    /// <param name="query">The decoded query parameters (never the form body's).</param>
    /// <param name="signedHeaders">
    /// The headers to sign, already chosen (see <see cref="IsSignedHeader"/>); names in any case, values untrimmed.
    /// </param>
    /// <param name="hashedPayload">Lowercase hex SHA-256 of the exact body bytes.</param>
    /// <param name="accessKeySecret">The AccessKey secret, used raw as the HMAC key.</param>
    /// <returns>The signature and its intermediates.</returns>
    public static Acs3Signature Sign(
        string method,
        string canonicalUri,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> signedHeaders,
        string hashedPayload,
        string accessKeySecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(canonicalUri);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        ArgumentNullException.ThrowIfNull(hashedPayload);
        ArgumentNullException.ThrowIfNull(accessKeySecret);

        var canonicalQuery = CanonicalizeQuery(query);
        var (canonicalHeaders, signedHeaderNames) = CanonicalizeHeaders(signedHeaders);

        var canonicalRequest = string.Join('\n',
            method.ToUpperInvariant(),
            canonicalUri.Length == 0 ? "/" : canonicalUri,
            canonicalQuery,
            canonicalHeaders,
            signedHeaderNames,
            hashedPayload);

        var hashedCanonicalRequest = Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest));
        var stringToSign = Algorithm + "\n" + hashedCanonicalRequest;
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

        return new Acs3Signature(canonicalQuery, signedHeaderNames, canonicalRequest, hashedCanonicalRequest,
            stringToSign, signature);
    }

    /// <summary>Lowercase hex SHA-256 of <paramref name="payload"/>.</summary>
    /// <param name="payload">The bytes to hash.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Sha256Hex(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    /// <summary>
    /// Builds the canonical query string: names and values RFC 3986-encoded, sorted ordinally by encoded name and
    /// then by encoded value, joined with <c>&amp;</c>.
    /// </summary>
    /// <param name="query">The decoded query parameters.</param>
    /// <returns>The canonical query string; empty for an empty query.</returns>
    public static string CanonicalizeQuery(IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var encoded = query
            .Select(p => (Name: Rfc3986.Encode(p.Key), Value: Rfc3986.Encode(p.Value ?? string.Empty)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value);

        return string.Join('&', encoded);
    }

    private static (string CanonicalHeaders, string SignedHeaderNames) CanonicalizeHeaders(
        IEnumerable<KeyValuePair<string, string>> headers)
    {
        // Lowercase names, trimmed values; a repeated name becomes one line with its sorted values comma-joined.
        var grouped = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',',
                g.Select(h => (h.Value ?? string.Empty).Trim()).Order(StringComparer.Ordinal))))
            .ToList();

        var canonical = new StringBuilder();
        foreach (var (name, value) in grouped)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', grouped.Select(h => h.Name)));
    }
}
