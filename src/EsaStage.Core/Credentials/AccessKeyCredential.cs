namespace EsaStage.Core.Credentials;

/// <summary>An AccessKey pair, with a security token when the credential is temporary (STS).</summary>
/// <remarks>
/// <see cref="ToString"/> never shows the secret or the token, so a credential that reaches a log by mistake
/// leaks nothing.
/// </remarks>
/// <param name="AccessKeyId">The AccessKey ID.</param>
/// <param name="AccessKeySecret">The AccessKey secret.</param>
/// <param name="SecurityToken">The STS security token, or <see langword="null"/> for a long-lived key.</param>
public sealed record AccessKeyCredential(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null)
{
    /// <summary>Gets where the credential came from, for messages (e.g. <c>environment</c>).</summary>
    public string Source { get; init; } = "unspecified";

    /// <summary>
    /// Gets when a temporary credential expires; <see langword="null"/> for a long-lived key or when the source did
    /// not say.
    /// </summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"AccessKeyCredential {{ AccessKeyId = {AccessKeyId}, Source = {Source}, " +
        $"Temporary = {SecurityToken is not null} }}";
}
