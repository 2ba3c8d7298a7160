namespace EsaStage.Core.Credentials;

/// <summary>Nothing answered at the ECS metadata address: this machine is not an ECS instance.</summary>
public sealed class MetadataUnreachableException : EsaStageException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying failure.</param>
    public MetadataUnreachableException(string message, Exception? innerException = null)
        : base(ErrorCodes.CredentialsNotFound, message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MetadataUnreachableException()
        : this("The ECS metadata service did not answer.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public MetadataUnreachableException(string message)
        : this(message, null)
    {
    }
}
