using System.Text;
using System.Text.Json;
using EsaStage.Emulator.Esa;

namespace EsaStage.Emulator.Sts;

/// <summary>The claims of an OIDC token (a JWT) that STS reports back; the signature is not checked.</summary>
internal sealed record OidcToken(string Subject, string Issuer, string Audience, DateTimeOffset Expiration,
    DateTimeOffset IssuedAt)
{
    public static OidcToken Read(string token, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (token.Length is < 4 or > 20000 || parts.Length != 3)
        {
            throw Invalid("The OIDCToken is not a JWT (three base64url parts separated by dots).");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var root = payload.RootElement;
            var expiration = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64());
            if (expiration <= now)
            {
                throw new EsaException(EsaError.BadRequest("AuthenticationFail.OIDCToken.Expired",
                    "The OIDCToken has expired."));
            }

            var audience = root.TryGetProperty("aud", out var aud)
                ? aud.ValueKind == JsonValueKind.Array
                    ? string.Join(",", aud.EnumerateArray().Select(a => a.GetString()))
                    : aud.GetString() ?? string.Empty
                : string.Empty;
            return new OidcToken(Claim(root, "sub"), Claim(root, "iss"), audience, expiration,
                root.TryGetProperty("iat", out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat.GetInt64()) : now);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException
            or InvalidOperationException)
        {
            throw Invalid("The OIDCToken's payload is not JSON with an exp claim.");
        }
    }

    private static string Claim(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static EsaException Invalid(string message) =>
        new(EsaError.BadRequest("InvalidParameter.OIDCToken", message));
}
