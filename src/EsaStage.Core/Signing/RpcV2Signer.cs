using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Core.Signing;

/// <summary>
/// The older RPC signature (V2, <c>HMAC-SHA1</c>) that the Alibaba Cloud credentials SDKs use for STS calls:
/// every parameter but <c>Signature</c>, sorted by name, RFC 3986 encoded and joined, then signed with the secret
/// followed by <c>&amp;</c>.
/// </summary>
public static class RpcV2Signer
{
    /// <summary>The value of the <c>SignatureMethod</c> parameter.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>The value of the <c>SignatureVersion</c> parameter.</summary>
    public const string SignatureVersion = "1.0";

    /// <summary>Builds the string to sign: <c>METHOD&amp;%2F&amp;pct(sorted k=v joined by &amp;)</c>.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="parameters">Every parameter sent, query and form alike; <c>Signature</c> is ignored.</param>
    /// <returns>The string to sign.</returns>
    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);

        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .Select(p => (Name: Rfc3986.Encode(p.Key), Value: Rfc3986.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        return method.ToUpperInvariant() + "&" + Rfc3986.Encode("/") + "&" + Rfc3986.Encode(canonical);
    }

    /// <summary>Signs the parameters.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="parameters">Every parameter sent; <c>Signature</c> is ignored.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <returns>The base64 signature, the value of the <c>Signature</c> parameter.</returns>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters,
        string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(accessKeySecret);

        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        return Convert.ToBase64String(
            HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(StringToSign(method, parameters))));
    }
}
