namespace EsaStage.Core.Oss;

/// <summary>The code upload failed; no code version may be reported for it.</summary>
public sealed class OssUploadException : EsaStageException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The product diagnostic code.</param>
    /// <param name="message">The full message for the user.</param>
    /// <param name="error">The OSS error answer, when there was one.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public OssUploadException(string errorCode, string message, OssError? error, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
        Error = error;
    }

    /// <summary>Gets the OSS error answer, or <see langword="null"/> when OSS was not reached.</summary>
    public OssError? Error { get; }
}
