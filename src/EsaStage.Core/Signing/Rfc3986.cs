using System.Text;

namespace EsaStage.Core.Signing;

/// <summary>
/// Percent-encoding as RFC 3986 defines it and as ACS3 signing requires: UTF-8 bytes, only
/// <c>A-Z a-z 0-9 - _ . ~</c> left literal, every other byte as <c>%XY</c> with uppercase hex.
/// </summary>
/// <remarks>
/// Written out rather than delegated to a framework encoder because the common ones differ exactly where signing
/// breaks: <c>WebUtility.UrlEncode</c> writes a space as <c>+</c> and leaves <c>!*()</c> raw, and
/// <c>HttpUtility.UrlEncode</c> also uses lowercase hex. Those mistakes fail only for some values.
/// </remarks>
public static class Rfc3986
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes <paramref name="value"/> with RFC 3986 percent-encoding.</summary>
    /// <param name="value">The text to encode; it must be well-formed UTF-16.</param>
    /// <returns>The encoded text.</returns>
    /// <exception cref="ArgumentException">The text holds a lone surrogate, which has no UTF-8 form.</exception>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        if (IsAllUnreserved(value))
        {
            return value;
        }

        var bytes = Utf8Strict.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is an RFC 3986 unreserved character.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for <c>A-Z a-z 0-9 - _ . ~</c>.</returns>
    public static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);
}
