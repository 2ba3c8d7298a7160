using System.Text.Json;

namespace EsaStage.Emulator.Oss;

/// <summary>The decoded <c>callback</c> form field.</summary>
/// <param name="Urls">The callback URLs, tried in order.</param>
/// <param name="Body">The body template with <c>${…}</c> variables.</param>
/// <param name="BodyType"><c>application/x-www-form-urlencoded</c> or <c>application/json</c>.</param>
internal sealed record CallbackSpec(IReadOnlyList<Uri> Urls, string Body, string BodyType)
{
    public const string FormBodyType = "application/x-www-form-urlencoded";
    public const string JsonBodyType = "application/json";

    public static CallbackSpec Parse(string base64)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            var root = document.RootElement;
            var urls = root.GetProperty("callbackUrl").GetString()!
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => new Uri(u, UriKind.Absolute))
                .ToList();
            var body = root.GetProperty("callbackBody").GetString()!;
            var type = root.TryGetProperty("callbackBodyType", out var t) ? t.GetString()! : FormBodyType;
            if (urls.Count is 0 or > 5 || body.Length == 0 || type is not (FormBodyType or JsonBodyType))
            {
                throw new FormatException("callbackUrl, callbackBody or callbackBodyType is invalid.");
            }

            return new CallbackSpec(urls, body, type);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException
            or InvalidOperationException or UriFormatException)
        {
            throw new OssException(OssError.InvalidArgument("The callback configuration is not valid: " + e.Message));
        }
    }
}
