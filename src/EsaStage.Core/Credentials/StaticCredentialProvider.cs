namespace EsaStage.Core.Credentials;

/// <summary>A provider that always returns one credential, e.g. the built-in emulator's.</summary>
/// <param name="credential">The credential to return.</param>
public sealed class StaticCredentialProvider(AccessKeyCredential credential) : ICredentialProvider
{
    /// <inheritdoc/>
    public ValueTask<AccessKeyCredential> GetCredentialAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(credential);
}
