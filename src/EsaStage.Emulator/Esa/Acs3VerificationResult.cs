using EsaStage.Core.Signing;

namespace EsaStage.Emulator.Esa;

/// <summary>The outcome of <see cref="Acs3RequestVerifier.Verify"/>: accepted, or refused with an error.</summary>
public sealed class Acs3VerificationResult
{
    private Acs3VerificationResult(string? accessKeyId, EsaError? error, Acs3Signature? serverSignature)
    {
        AccessKeyId = accessKeyId;
        Error = error;
        ServerSignature = serverSignature;
    }

    /// <summary>Gets a value indicating whether the request was accepted.</summary>
    public bool IsValid => Error is null;

    /// <summary>Gets the AccessKey ID named by the request, once its <c>Authorization</c> could be read.</summary>
    public string? AccessKeyId { get; }

    /// <summary>Gets why the request was refused; <see langword="null"/> when it was accepted.</summary>
    public EsaError? Error { get; }

    /// <summary>
    /// Gets the signature the server computed, with its canonical request and string to sign, when the check got
    /// that far; useful to explain a <c>SignatureDoesNotMatch</c>.
    /// </summary>
    public Acs3Signature? ServerSignature { get; }

    internal static Acs3VerificationResult Accepted(string accessKeyId, Acs3Signature signature) =>
        new(accessKeyId, null, signature);

    internal static Acs3VerificationResult Refused(EsaError error, string? accessKeyId = null,
        Acs3Signature? signature = null) => new(accessKeyId, error, signature);
}
