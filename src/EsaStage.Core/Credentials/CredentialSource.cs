namespace EsaStage.Core.Credentials;

/// <summary>One place the chain looks for credentials, in its order.</summary>
/// <param name="Name">The place, for the list of what was tried, e.g. <c>environment</c>.</param>
/// <param name="ResolveAsync">Looks: a match with its provider, or the reason there is none.</param>
internal sealed record CredentialSource(string Name, Func<CancellationToken, Task<CredentialSourceMatch>> ResolveAsync)
{
    /// <summary>A source that looks without I/O beyond reading files.</summary>
    public static CredentialSource Sync(string name, Func<CredentialSourceMatch> resolve) =>
        new(name, _ => Task.FromResult(resolve()));
}
