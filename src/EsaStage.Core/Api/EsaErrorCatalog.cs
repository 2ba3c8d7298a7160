namespace EsaStage.Core.Api;

/// <summary>
/// The service's error codes, each mapped to one product code and to advice on what to do. The README's error
/// table lists the same mapping.
/// </summary>
public static class EsaErrorCatalog
{
    /// <summary>Maps a service error to the product's diagnostic code.</summary>
    /// <param name="error">The error answer.</param>
    /// <returns>A code from <see cref="ErrorCodes"/>.</returns>
    public static string ProductCode(EsaApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);

        var code = error.Code;
        return code switch
        {
            "CodeVersionNumberExceedQuotaLimit" => ErrorCodes.VersionQuotaExceeded,
            "RoutineNotExist" => ErrorCodes.RoutineNotFound,
            "RoutineUserServiceStatusHalt" => ErrorCodes.ServiceHalted,
            _ when IsClockError(code) => ErrorCodes.ClockSkew,
            _ when IsAuthentication(code) => ErrorCodes.AuthenticationFailed,
            _ when IsPermission(code) => ErrorCodes.AccessDenied,
            _ when IsParameter(code) => ErrorCodes.InvalidParameter,
            _ when IsInternal(code) => ErrorCodes.ServiceInternalError,
            _ when TransientFailures.IsTransient(error) && error.HttpStatus < 500 => ErrorCodes.ServiceBusy,
            _ when code.Contains("ServiceBusy", StringComparison.OrdinalIgnoreCase)
                || code.Equals("ServiceUnavailable", StringComparison.OrdinalIgnoreCase) => ErrorCodes.ServiceBusy,
            _ when error.HttpStatus >= 500 => ErrorCodes.ServiceInternalError,
            _ => ErrorCodes.ApiError,
        };
    }

    /// <summary>Gets advice for an error, or <see langword="null"/> when there is nothing specific to say.</summary>
    /// <param name="error">The error answer.</param>
    /// <returns>One or two sentences.</returns>
    public static string? Advice(EsaApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);

        return ProductCode(error) switch
        {
            ErrorCodes.AuthenticationFailed =>
                "Check the AccessKey ID and secret (and the security token of temporary credentials), and that the " +
                "endpoint matches the account's site.",
            ErrorCodes.AccessDenied =>
                "The AccessKey is valid but not allowed to do this: grant its RAM user or role the ESA permissions " +
                "for Edge Routines (for example AliyunESAFullAccess), or use another AccessKey.",
            ErrorCodes.InvalidParameter =>
                "The service refused a parameter: check the routine name, the description and the code version.",
            ErrorCodes.ServiceHalted =>
                "The account's Edge Routine service is halted, usually for an overdue payment: settle the bill in " +
                "the console, then run again.",
            ErrorCodes.ServiceInternalError =>
                "The service failed on its side; try again later, and quote the RequestId to support if it persists.",
            ErrorCodes.ServiceBusy =>
                "The service is busy or throttling these calls; wait a little and run again.",
            _ => null,
        };
    }

    /// <summary>Whether a code says the request's date was refused.</summary>
    /// <param name="code">The service's error code.</param>
    /// <returns><see langword="true"/> for <c>InvalidTimeStamp.*</c>.</returns>
    public static bool IsClockError(string code) =>
        code.StartsWith("InvalidTimeStamp", StringComparison.Ordinal);

    /// <summary>Whether a code says the signature or the AccessKey was refused.</summary>
    /// <param name="code">The service's error code.</param>
    /// <returns><see langword="true"/> for signature, AccessKey and security-token codes.</returns>
    public static bool IsAuthentication(string code) =>
        code is "SignatureDoesNotMatch" or "IncompleteSignature" or "SignatureNonceUsed"
        || code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal)
        || code.StartsWith("InvalidSecurityToken", StringComparison.Ordinal);

    private static bool IsPermission(string code) =>
        code.StartsWith("Forbidden", StringComparison.Ordinal)
        || code.StartsWith("NoPermission", StringComparison.Ordinal)
        || code.Equals("AccessDenied", StringComparison.Ordinal);

    private static bool IsParameter(string code) =>
        code.StartsWith("InvalidParameter", StringComparison.Ordinal)
        || code.StartsWith("MissingParameter", StringComparison.Ordinal)
        || code.StartsWith("Missing", StringComparison.Ordinal);

    private static bool IsInternal(string code) =>
        code is "InternalError" or "InternalException" or "InternalOperationError";
}
