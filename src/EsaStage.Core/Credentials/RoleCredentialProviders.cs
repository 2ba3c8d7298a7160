using EsaStage.Core.Diagnostics;
using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>Providers that turn a RAM role into refreshing temporary credentials through STS.</summary>
public static class RoleCredentialProviders
{
    /// <summary>Assumes a role with the credential of <paramref name="source"/> (<c>AssumeRole</c>).</summary>
    /// <param name="source">The credential that signs the call.</param>
    /// <param name="sts">The STS client.</param>
    /// <param name="role">The role.</param>
    /// <param name="time">The clock that decides when to refresh.</param>
    /// <returns>A provider that assumes the role when asked, and again before the credential expires.</returns>
    public static RefreshingCredentialProvider AssumeRole(ICredentialProvider source, StsClient sts,
        StsRoleRequest role, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sts);
        ArgumentNullException.ThrowIfNull(role);

        return new RefreshingCredentialProvider(async cancellationToken =>
        {
            var caller = await source.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
            return await sts.AssumeRoleAsync(caller, role, cancellationToken).ConfigureAwait(false);
        }, time);
    }

    /// <summary>Assumes a role with an OIDC token read from a file (<c>AssumeRoleWithOIDC</c>).</summary>
    /// <param name="settings">
    /// Reads the settings: called before every fetch, so a token file rewritten by the CI system is read afresh.
    /// </param>
    /// <param name="sts">Makes the STS client for the settings' endpoint.</param>
    /// <param name="time">The clock that decides when to refresh.</param>
    /// <param name="log">Told that each token read is secret, so a CI system masks it.</param>
    /// <returns>A provider that assumes the role when asked, and again before the credential expires.</returns>
    public static RefreshingCredentialProvider AssumeRoleWithOidc(Func<OidcRoleSettings> settings,
        Func<OidcRoleSettings, StsClient> sts, TimeProvider? time = null, IStageLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sts);

        return new RefreshingCredentialProvider(async cancellationToken =>
        {
            var current = settings();
            var token = await ReadTokenAsync(current.TokenFile, current.TokenFileSetting, cancellationToken)
                .ConfigureAwait(false);
            log?.MaskSecret(token);
            return await sts(current).AssumeRoleWithOidcAsync(current.Role, current.ProviderArn, token,
                cancellationToken).ConfigureAwait(false);
        }, time);
    }

    private static async Task<string> ReadTokenAsync(string path, string setting, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
            or NotSupportedException)
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"The OIDC token file '{path}' ({setting}) cannot be read: {ex.Message}", ex);
        }

        // A token file written by a shell often ends with a newline, which is not part of the token.
        var token = text.Trim();
        return token.Length > 0 ? token : throw new EsaStageException(ErrorCodes.InvalidCredentials,
            $"The OIDC token file '{path}' ({setting}) is empty.");
    }
}
