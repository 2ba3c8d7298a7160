using System.Text;

namespace EsaStage.Core.Signing;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> body of an RPC request, encoded strictly per RFC 3986.
/// </summary>
/// <remarks>
/// The official SDK leaves <c>! ' ( ) * ~</c> raw in the body; the server hashes the bytes it receives, so either
/// form verifies as long as <c>x-acs-content-sha256</c> covers exactly the bytes sent. The strict form is chosen
/// because it is the same encoding the canonical query uses, and it never sends a space as <c>+</c>.
/// </remarks>
public static class FormUrlEncoding
{
    /// <summary>The exact content type that is sent and signed (no charset parameter).</summary>
    public const string ContentType = "application/x-www-form-urlencoded";

    /// <summary>Encodes the parameters in the order given.</summary>
    /// <param name="parameters">Names and values, in the order to send them.</param>
    /// <returns>The UTF-8 body bytes.</returns>
    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        var body = string.Join('&', parameters.Select(p => Rfc3986.Encode(p.Key) + "=" + Rfc3986.Encode(p.Value)));
        return Encoding.ASCII.GetBytes(body);
    }

    /// <summary>Decodes a urlencoded body or query into its parameters, in order.</summary>
    /// <param name="encoded">The encoded text, without a leading <c>?</c>.</param>
    /// <returns>The decoded names and values; <c>+</c> is read as a space, as HTML forms write it.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);

        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            result.Add(new(Unescape(name), Unescape(value)));
        }

        return result;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
