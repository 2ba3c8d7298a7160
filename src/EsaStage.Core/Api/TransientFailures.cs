using EsaStage.Core.Oss;

namespace EsaStage.Core.Api;

/// <summary>
/// Decides which failures are worth another attempt: busy or throttled services, server errors, connections that
/// failed or went unanswered. Everything else (quota, signature, AccessKey, parameters, missing routine, payment,
/// permission) fails at once, because another attempt would fail the same way.
/// </summary>
public static class TransientFailures
{
    private static readonly string[] BusyCodes = ["TooManyRequests", "ServiceUnavailable", "Site.ServiceBusy"];

    /// <summary>Says why an API failure is transient, or <see langword="null"/> when it is not.</summary>
    /// <param name="failure">The failure of one attempt.</param>
    /// <returns>A short reason for the retry log line, e.g. <c>HTTP 503 Site.ServiceBusy</c>.</returns>
    public static string? DescribeApiFailure(Exception failure) => failure switch
    {
        EsaApiException api when IsTransient(api.Error) =>
            $"HTTP {api.HttpStatus} {api.Code}"
            + (api.RequestId is null ? string.Empty : $" (RequestId {api.RequestId})"),
        EsaApiException => null,
        EsaStageException { ErrorCode: ErrorCodes.ApiUnreachable } unreachable => unreachable.Message,
        _ => null,
    };

    /// <summary>Says why an upload failure is transient, or <see langword="null"/> when it is not.</summary>
    /// <param name="failure">The failure of one upload attempt.</param>
    /// <returns>A short reason for the retry log line.</returns>
    /// <remarks>
    /// HTTP 203 is never retried: OSS stored the object and the callback ran, so a second post of the same form
    /// would meet a callback ESA has already answered.
    /// </remarks>
    public static string? DescribeUploadFailure(Exception failure) => failure switch
    {
        OssUploadException { ErrorCode: ErrorCodes.UploadFailed } dropped => dropped.Message,
        OssUploadException { Error: { HttpStatus: >= 500 } error } =>
            $"HTTP {error.HttpStatus} {error.Code} (OSS RequestId {error.RequestId ?? "unknown"})",
        _ => null,
    };

    /// <summary>Whether an API error answer is transient.</summary>
    /// <param name="error">The error.</param>
    /// <returns><see langword="true"/> for 5xx, 429, throttling and busy codes.</returns>
    public static bool IsTransient(EsaApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);

        return error.HttpStatus >= 500 || error.IsThrottling
            || BusyCodes.Any(c => error.Code.Equals(c, StringComparison.OrdinalIgnoreCase));
    }
}
