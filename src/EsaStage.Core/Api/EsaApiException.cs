namespace EsaStage.Core.Api;

/// <summary>An error answer from the ESA OpenAPI, with the fields its error body carries.</summary>
public sealed class EsaApiException : EsaStageException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The product diagnostic code.</param>
    /// <param name="message">The full message for the user.</param>
    /// <param name="error">The parsed error answer.</param>
    public EsaApiException(string errorCode, string message, EsaApiError error)
        : base(errorCode, message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Gets the parsed error answer.</summary>
    public EsaApiError Error { get; }

    /// <summary>Gets the service's error code, e.g. <c>CodeVersionNumberExceedQuotaLimit</c>.</summary>
    public string Code => Error.Code;

    /// <summary>Gets the HTTP status of the answer.</summary>
    public int HttpStatus => Error.HttpStatus;

    /// <summary>Gets the request id the service gave, for support requests.</summary>
    public string? RequestId => Error.RequestId;
}
