namespace EsaStage.Core.Credentials;

/// <summary>A source of credentials: the environment, a profile file, a role, a metadata service.</summary>
public interface ICredentialProvider
{
    /// <summary>Gets a credential that is valid now; called before every request, so it may refresh.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="EsaStageException">No usable credential was found.</exception>
    ValueTask<AccessKeyCredential> GetCredentialAsync(CancellationToken cancellationToken);
}
