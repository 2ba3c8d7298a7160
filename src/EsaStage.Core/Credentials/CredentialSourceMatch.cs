namespace EsaStage.Core.Credentials;

/// <summary>What a source found: a provider and what it is, or no provider and why not.</summary>
/// <param name="Provider">The provider, or <see langword="null"/> when the source is not configured.</param>
/// <param name="Description">What matched (for <see cref="AccessKeyCredential.Source"/>), or why nothing did.</param>
internal sealed record CredentialSourceMatch(ICredentialProvider? Provider, string Description)
{
    public static CredentialSourceMatch NotFound(string reason) => new(null, reason);
}
