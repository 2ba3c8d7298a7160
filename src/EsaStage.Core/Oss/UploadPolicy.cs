using System.Globalization;
using System.Text.Json;

namespace EsaStage.Core.Oss;

/// <summary>Reads the <c>expiration</c> of an upload form's policy: the moment OSS stops accepting the form.</summary>
internal static class UploadPolicy
{
    /// <summary>Decodes a policy field (base64 JSON) and reads its expiration.</summary>
    /// <param name="policy">The form's <c>policy</c> value, or <see langword="null"/>.</param>
    /// <returns>The expiration, or <see langword="null"/> when the policy is absent or unreadable.</returns>
    public static DateTimeOffset? ReadExpiration(string? policy)
    {
        if (string.IsNullOrEmpty(policy))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(policy));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("expiration", out var value)
                && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration)
                ? expiration
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            // A policy we cannot read is OSS's business; only the retry decision loses its deadline.
            return null;
        }
    }
}
