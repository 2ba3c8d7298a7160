using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EsaStage.Core.Signing;

namespace EsaStage.Emulator.Esa;

/// <summary>
/// Verifies an ACS3-HMAC-SHA256 signed request from its raw parts, as the ESA service does; usable without HTTP.
/// </summary>
/// <remarks>
/// <para>
/// The canonical request is rebuilt from what was received: the <c>Host</c> header as sent (with its port), the
/// decoded query parameters re-encoded strictly, the headers named in <c>SignedHeaders</c>, and the SHA-256 of the
/// body bytes. A client that signed anything other than what it sent is refused.
/// </para>
/// <para>
/// Checks run in this order, and the first failure is returned: the <c>Authorization</c> header, the AccessKey ID,
/// the signed header set, the date, the body hash, the signature, the security token, the nonce. A nonce is only
/// remembered once everything else passed, so a refused request does not burn it.
/// </para>
/// </remarks>
public static class Acs3RequestVerifier
{
    /// <summary>How far <c>x-acs-date</c> may be from the server's clock, either way.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>The headers every request must carry and sign (besides content-type and every x-acs-* sent).</summary>
    public static readonly IReadOnlyList<string> RequiredSignedHeaders =
        ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

    private const string DateFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>Verifies a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path; <c>/</c> for RPC.</param>
    /// <param name="query">The decoded query parameters (<c>+</c> read as a space).</param>
    /// <param name="headers">Every request header as (name, value) pairs, names in any case.</param>
    /// <param name="body">The body bytes exactly as received.</param>
    /// <param name="findCredential">Finds the credential of an AccessKey ID; <see langword="null"/> if unknown.</param>
    /// <param name="now">The server's current time.</param>
    /// <param name="nonces">Where nonces are remembered; <see langword="null"/> skips the replay check.</param>
    /// <returns>The outcome.</returns>
    public static Acs3VerificationResult Verify(
        string method,
        string path,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        Func<string, AccessKeyCredential?> findCredential,
        DateTimeOffset now,
        SignatureNonceCache? nonces = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(findCredential);

        var byName = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Value).ToList(), StringComparer.Ordinal);

        var authorization = AuthorizationHeader.TryParse(First(byName, "authorization"));
        if (authorization is null)
        {
            return Acs3VerificationResult.Refused(EsaError.BadRequest("IncompleteSignature",
                "The request signature does not conform to Aliyun standards: the Authorization header must be "
                + "ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>."));
        }

        var id = authorization.AccessKeyId;
        var credential = findCredential(id);
        if (credential is null)
        {
            return Acs3VerificationResult.Refused(
                new EsaError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."), id);
        }

        if (CheckSignedHeaderSet(authorization, byName) is { } headerError)
        {
            return Acs3VerificationResult.Refused(headerError, id);
        }

        if (CheckDate(First(byName, "x-acs-date")!, now) is { } dateError)
        {
            return Acs3VerificationResult.Refused(dateError, id);
        }

        var payloadHash = Acs3Signer.Sha256Hex(body);
        if (!string.Equals(First(byName, "x-acs-content-sha256")!.Trim(), payloadHash, StringComparison.Ordinal))
        {
            return Acs3VerificationResult.Refused(EsaError.Forbidden("SignatureDoesNotMatch",
                "The x-acs-content-sha256 header does not match the SHA-256 of the request body received."), id);
        }

        var signed = authorization.SignedHeaders
            .SelectMany(name => byName[name].Select(value => new KeyValuePair<string, string>(name, value)));
        var server = Acs3Signer.Sign(method, path.Length == 0 ? "/" : path, query, signed, payloadHash,
            credential.AccessKeySecret);
        if (!FixedTimeEquals(server.Signature, authorization.Signature))
        {
            return Acs3VerificationResult.Refused(EsaError.Forbidden("SignatureDoesNotMatch",
                "Specified signature does not match our calculation. server string to sign is:" + server.StringToSign),
                id, server);
        }

        if (credential.SecurityToken is not null && CheckToken(credential.SecurityToken, byName) is { } tokenError)
        {
            return Acs3VerificationResult.Refused(tokenError, id, server);
        }

        if (credential.Expiration <= now)
        {
            return Acs3VerificationResult.Refused(EsaError.Forbidden("InvalidSecurityToken.Expired",
                "The security token you provided has expired."), id, server);
        }

        if (nonces is not null && !nonces.TryRegister(First(byName, "x-acs-signature-nonce")!.Trim(), now))
        {
            return Acs3VerificationResult.Refused(
                EsaError.BadRequest("SignatureNonceUsed", "Specified signature nonce was used already."), id, server);
        }

        return Acs3VerificationResult.Accepted(id, server);
    }

    private static EsaError? CheckSignedHeaderSet(
        AuthorizationHeader authorization, Dictionary<string, List<string>> byName)
    {
        // A header that was signed but not sent is a signature that cannot match what was received.
        foreach (var name in authorization.SignedHeaders)
        {
            if (!byName.ContainsKey(name))
            {
                return EsaError.Forbidden("SignatureDoesNotMatch",
                    $"The header \"{name}\" is listed in SignedHeaders but was not sent.");
            }
        }

        foreach (var name in RequiredSignedHeaders)
        {
            if (!byName.ContainsKey(name))
            {
                return EsaError.BadRequest("IncompleteSignature",
                    $"The request signature does not conform to Aliyun standards: the header \"{name}\" is required.");
            }
        }

        var mustSign = RequiredSignedHeaders
            .Concat(byName.Keys.Where(n => n == "content-type" || n.StartsWith("x-acs-", StringComparison.Ordinal)));
        foreach (var name in mustSign)
        {
            if (!authorization.SignedHeaders.Contains(name, StringComparer.Ordinal))
            {
                return EsaError.Forbidden("SignatureDoesNotMatch",
                    $"The header \"{name}\" was sent but is not listed in SignedHeaders; it must be signed.");
            }
        }

        return null;
    }

    private static EsaError? CheckDate(string value, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(value.Trim(), DateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return EsaError.BadRequest("InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted; x-acs-date must be yyyy-MM-ddTHH:mm:ssZ.");
        }

        if ((now - date).Duration() > AllowedClockSkew)
        {
            return EsaError.BadRequest("InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired; x-acs-date must be within 15 minutes of the "
                + "server's time.");
        }

        return null;
    }

    private static EsaError? CheckToken(string expected, Dictionary<string, List<string>> byName)
    {
        var sent = First(byName, "x-acs-security-token");
        if (sent is null)
        {
            return EsaError.Forbidden("InvalidSecurityToken.Missing",
                "The security token of this temporary AccessKey ID is missing (x-acs-security-token).");
        }

        return FixedTimeEquals(sent.Trim(), expected)
            ? null
            : EsaError.Forbidden("InvalidSecurityToken.Mismatch",
                "The security token does not match the temporary AccessKey ID.");
    }

    private static string? First(Dictionary<string, List<string>> byName, string name) =>
        byName.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
