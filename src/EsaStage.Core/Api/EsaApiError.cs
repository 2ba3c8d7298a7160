namespace EsaStage.Core.Api;

/// <summary>The fields of an ESA OpenAPI error answer.</summary>
/// <param name="Action">The operation that failed.</param>
/// <param name="HttpStatus">The HTTP status.</param>
/// <param name="Code">The service's error code; <c>Unknown</c> when the body had none.</param>
/// <param name="Message">The service's message.</param>
/// <param name="RequestId">The request id, when given.</param>
/// <param name="HostId">The host id, when given.</param>
/// <param name="Recommend">The troubleshooting link, when given.</param>
/// <param name="RetryAfter">The <c>x-acs-retry-after</c> delay, when given.</param>
public sealed record EsaApiError(
    string Action,
    int HttpStatus,
    string Code,
    string Message,
    string? RequestId,
    string? HostId,
    string? Recommend,
    TimeSpan? RetryAfter)
{
    /// <summary>Gets whether the error says the call was throttled.</summary>
    public bool IsThrottling => Code.Contains("Throttling", StringComparison.OrdinalIgnoreCase)
        || Code.Equals("TooManyRequests", StringComparison.OrdinalIgnoreCase) || HttpStatus == 429;
}
