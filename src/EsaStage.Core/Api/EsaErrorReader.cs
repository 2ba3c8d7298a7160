using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EsaStage.Core.Api;

/// <summary>
/// Turns an ESA error answer into an <see cref="EsaApiException"/> with a message a person can act on.
/// </summary>
internal static class EsaErrorReader
{
    public static EsaApiException ToException(string action, int status, byte[] body, string? retryAfter,
        Uri endpoint)
    {
        var error = Parse(action, status, body, retryAfter);
        var message = $"{action} failed: {error.Code}: {error.Message} (HTTP {status}" +
            (error.RequestId is null ? ")" : $", RequestId {error.RequestId})") + Hint(error, endpoint);

        return new EsaApiException(ProductCode(error.Code), message, error);
    }

    private static EsaApiError Parse(string action, int status, byte[] body, string? retryAfter)
    {
        string? code = null, message = null, requestId = null, hostId = null, recommend = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            code = JsonFields.GetText(root, "Code");
            message = JsonFields.GetText(root, "Message");
            requestId = JsonFields.GetText(root, "RequestId");
            hostId = JsonFields.GetText(root, "HostId");
            recommend = JsonFields.GetText(root, "Recommend");
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status and a short excerpt are all there is.
            message = Excerpt(body);
        }

        TimeSpan? delay = int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;

        return new EsaApiError(action, status, code ?? "Unknown", message ?? "(no message)", requestId, hostId,
            recommend, delay);
    }

    private static string ProductCode(string code) => code switch
    {
        "CodeVersionNumberExceedQuotaLimit" => ErrorCodes.VersionQuotaExceeded,
        "RoutineNotExist" => ErrorCodes.RoutineNotFound,
        _ when IsAuthentication(code) => ErrorCodes.AuthenticationFailed,
        _ => ErrorCodes.ApiError,
    };

    private static bool IsAuthentication(string code) =>
        code is "SignatureDoesNotMatch" or "IncompleteSignature" or "SignatureNonceUsed"
        || code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal)
        || code.StartsWith("InvalidSecurityToken", StringComparison.Ordinal)
        || code.StartsWith("InvalidTimeStamp", StringComparison.Ordinal);

    private static string Hint(EsaApiError error, Uri endpoint)
    {
        if (IsAuthentication(error.Code) && error.Code.StartsWith("InvalidTimeStamp", StringComparison.Ordinal))
        {
            return ". Check that this machine's clock is correct.";
        }

        if (IsAuthentication(error.Code) && endpoint.Host == EsaEndpoint.DefaultHost)
        {
            return ". Check the AccessKey; an account on the international site needs --region ap-southeast-1 " +
                "(or the matching endpoint).";
        }

        if (IsAuthentication(error.Code))
        {
            return ". Check the AccessKey and that the endpoint matches the account's site.";
        }

        return string.Empty;
    }

    private static string Excerpt(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ");
        return body.Length > 200 ? text + "…" : text;
    }
}
