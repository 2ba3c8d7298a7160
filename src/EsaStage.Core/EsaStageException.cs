namespace EsaStage.Core;

/// <summary>
/// A failure the user can act on, carrying the product's diagnostic code (<c>ESA1234</c>) so that every front door
/// reports it the same way: <c>error ESA1234: message</c>.
/// </summary>
public class EsaStageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The product diagnostic code, e.g. <c>ESA1002</c>.</param>
    /// <param name="message">What went wrong, naming the input and what to do.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EsaStageException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception with the generic code <see cref="ErrorCodes.Unexpected"/>.</summary>
    public EsaStageException()
        : this(ErrorCodes.Unexpected, "An unexpected error occurred.")
    {
    }

    /// <summary>Creates the exception with the generic code <see cref="ErrorCodes.Unexpected"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public EsaStageException(string message)
        : this(ErrorCodes.Unexpected, message)
    {
    }

    /// <summary>Creates the exception with the generic code <see cref="ErrorCodes.Unexpected"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EsaStageException(string message, Exception? innerException)
        : this(ErrorCodes.Unexpected, message, innerException)
    {
    }

    /// <summary>Gets the product diagnostic code, e.g. <c>ESA1002</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the local file the error is about, when it is about one (for CI annotations).</summary>
    public string? FilePath { get; init; }
}
