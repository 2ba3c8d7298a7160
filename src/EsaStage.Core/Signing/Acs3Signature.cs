namespace EsaStage.Core.Signing;

/// <summary>
/// Every intermediate of one ACS3-HMAC-SHA256 signature, so that a mismatch can be traced to the step that differs.
/// </summary>
/// <param name="CanonicalQueryString">The sorted, RFC 3986-encoded query.</param>
/// <param name="SignedHeaders">The lowercase signed header names, sorted and joined with <c>;</c>.</param>
/// <param name="CanonicalRequest">The canonical request text.</param>
/// <param name="HashedCanonicalRequest">Lowercase hex SHA-256 of the canonical request.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Signature">Lowercase hex HMAC-SHA256 of the string to sign.</param>
public sealed record Acs3Signature(
    string CanonicalQueryString,
    string SignedHeaders,
    string CanonicalRequest,
    string HashedCanonicalRequest,
    string StringToSign,
    string Signature)
{
    /// <summary>Formats the <c>Authorization</c> header value for <paramref name="accessKeyId"/>.</summary>
    /// <param name="accessKeyId">The AccessKey ID (the STS AccessKey ID for temporary credentials).</param>
    /// <returns><c>ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c>.</returns>
    public string ToAuthorization(string accessKeyId) =>
        $"{Acs3Signer.Algorithm} Credential={accessKeyId},SignedHeaders={SignedHeaders},Signature={Signature}";
}
