using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EsaStage.Core.Api;

/// <summary>
/// Turns an ESA error answer into an <see cref="EsaApiException"/> with a message a person can act on.
/// </summary>
internal static class EsaErrorReader
{
    /// <summary>Builds the exception for one error answer.</summary>
    /// <param name="action">The operation that failed.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The answer's body.</param>
    /// <param name="retryAfter">The <c>x-acs-retry-after</c> header, if any.</param>
    /// <param name="endpoint">The endpoint called, for hints about the site.</param>
    /// <param name="clock">The server's <c>Date</c> and this machine's time when the answer arrived, if known.</param>
    /// <returns>The exception, with a product code from <see cref="EsaErrorCatalog"/>.</returns>
    public static EsaApiException ToException(string action, int status, byte[] body, string? retryAfter,
        Uri endpoint, (DateTimeOffset Server, DateTimeOffset Local)? clock = null)
    {
        var error = Parse(action, status, body, retryAfter);
        var message = $"{action} failed: {error.Code}: {error.Message} (HTTP {status}" +
            (error.RequestId is null ? ")" : $", RequestId {error.RequestId})") + Hint(error, endpoint, clock);

        return new EsaApiException(EsaErrorCatalog.ProductCode(error), message, error);
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
            && s >= 0
            ? TimeSpan.FromSeconds(s)
            : null;

        return new EsaApiError(action, status, code ?? "Unknown", message ?? "(no message)", requestId, hostId,
            recommend, delay);
    }

    private static string Hint(EsaApiError error, Uri endpoint,
        (DateTimeOffset Server, DateTimeOffset Local)? clock)
    {
        if (EsaErrorCatalog.IsClockError(error.Code))
        {
            return ". " + ClockSkewText(clock) +
                " Set this machine's clock right (enable NTP time sync) and run again.";
        }

        if (EsaErrorCatalog.IsAuthentication(error.Code) && endpoint.Host == EsaEndpoint.DefaultHost)
        {
            return ". Check the AccessKey; an account on the international site needs --region ap-southeast-1 " +
                "(or the matching endpoint).";
        }

        return EsaErrorCatalog.Advice(error) is { } advice ? ". " + advice : string.Empty;
    }

    /// <summary>States how far this machine's clock is from the server's, by the answer's <c>Date</c>.</summary>
    private static string ClockSkewText((DateTimeOffset Server, DateTimeOffset Local)? clock)
    {
        if (clock is not { } times)
        {
            return "The service refused the request's date, so this machine's clock is probably wrong (the answer " +
                "had no Date header to measure it by).";
        }

        var skew = times.Local - times.Server;
        var direction = skew >= TimeSpan.Zero ? "ahead of" : "behind";
        return $"This machine's clock is {Describe(skew.Duration())} {direction} the server's (server Date " +
            $"{Format(times.Server)} UTC, local {Format(times.Local)} UTC); the service accepts 15 minutes.";
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(span.Days.ToString(CultureInfo.InvariantCulture) + " d");
        }

        if (span.Hours > 0)
        {
            parts.Add(span.Hours.ToString(CultureInfo.InvariantCulture) + " h");
        }

        if (span.Minutes > 0)
        {
            parts.Add(span.Minutes.ToString(CultureInfo.InvariantCulture) + " min");
        }

        parts.Add(span.Seconds.ToString(CultureInfo.InvariantCulture) + " s");
        return string.Join(' ', parts);
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
