namespace EsaStage.Emulator;

/// <summary>An STS-style temporary credential issued by <see cref="EsaEmulator.IssueTemporaryCredential()"/>.</summary>
/// <param name="AccessKeyId">The temporary AccessKey ID, starting with <c>STS.</c>.</param>
/// <param name="AccessKeySecret">The temporary AccessKey secret.</param>
/// <param name="SecurityToken">
/// The token that every request signed with this ID must carry, signed, in <c>x-acs-security-token</c>.
/// </param>
public sealed record TemporaryCredential(string AccessKeyId, string AccessKeySecret, string SecurityToken)
{
    /// <summary>
    /// Gets when the credential stops working: after it the ESA API answers 403
    /// <c>InvalidSecurityToken.Expired</c>. <see langword="null"/> for a credential that does not expire.
    /// </summary>
    public DateTimeOffset? Expiration { get; init; }
}
