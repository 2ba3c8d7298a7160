namespace EsaStage.Emulator.Esa;

/// <summary>A credential the ESA API accepts, as a verifier's credential lookup returns it.</summary>
/// <param name="AccessKeyId">The AccessKey ID named in <c>Credential=</c>.</param>
/// <param name="AccessKeySecret">The secret that keys the HMAC.</param>
/// <param name="SecurityToken">
/// For temporary (STS) credentials, the token that must come, signed, in <c>x-acs-security-token</c>;
/// <see langword="null"/> for a permanent AccessKey.
/// </param>
public sealed record AccessKeyCredential(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null)
{
    /// <summary>Gets when a temporary credential expires; <see langword="null"/> when it does not.</summary>
    public DateTimeOffset? Expiration { get; init; }
}
