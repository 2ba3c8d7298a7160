namespace EsaStage.Emulator.Esa;

/// <summary>An ESA OpenAPI error: the HTTP status and the <c>Code</c> and <c>Message</c> of the JSON body.</summary>
/// <param name="HttpStatus">The HTTP status code.</param>
/// <param name="Code">The error code, e.g. <c>SignatureDoesNotMatch</c>.</param>
/// <param name="Message">The human-readable message; never contains a secret.</param>
public sealed record EsaError(int HttpStatus, string Code, string Message)
{
    /// <summary>An error for a malformed request or routine rule: HTTP 400.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static EsaError BadRequest(string code, string message) => new(400, code, message);

    /// <summary>An error for a refused signature or credential: HTTP 403.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static EsaError Forbidden(string code, string message) => new(403, code, message);

    /// <summary>The error for a required parameter that is absent: 400 <c>MissingParameter</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The error.</returns>
    public static EsaError MissingParameter(string name) =>
        BadRequest("MissingParameter",
            $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    /// <summary>The error for an operation on a routine that does not exist: 400 <c>RoutineNotExist</c>.</summary>
    /// <param name="name">The routine name.</param>
    /// <returns>The error.</returns>
    public static EsaError RoutineNotExist(string name) =>
        BadRequest("RoutineNotExist", $"The routine \"{name}\" does not exist.");

    /// <summary>The error for a routine that holds the maximum number of code versions.</summary>
    /// <returns>400 <c>CodeVersionNumberExceedQuotaLimit</c> with the real service's message.</returns>
    public static EsaError CodeVersionQuotaExceeded() =>
        BadRequest("CodeVersionNumberExceedQuotaLimit",
            "The maximum number of code versions in your plan has been reached. "
            + "Delete unused code versions and try again.");
}
