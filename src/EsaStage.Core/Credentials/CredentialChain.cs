using EsaStage.Core.Diagnostics;

namespace EsaStage.Core.Credentials;

/// <summary>
/// Looks for credentials in a fixed order of sources; the first source that is configured wins and is kept for the
/// rest of the run. When none is, the error lists every source tried and why it did not match.
/// </summary>
/// <remarks>
/// <para>
/// A source that is configured but broken (a secret with a stray newline, an unreadable token file, a role STS
/// refuses) fails the run with its own error rather than falling through to a later source: a build should never
/// quietly deploy with another identity than the one its settings name.
/// </para>
/// <para>
/// Every credential obtained, refreshed ones included, is declared to the log as secret before it is returned, so
/// a CI system masks it before anything could print it.
/// </para>
/// </remarks>
public sealed class CredentialChain : ICredentialProvider, IDisposable
{
    private readonly IReadOnlyList<CredentialSource> _sources;
    private readonly IStageLog _log;
    private readonly IDisposable? _owned;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CredentialSourceMatch? _matched;
    private string? _maskedSecret;

    internal CredentialChain(IReadOnlyList<CredentialSource> sources, IStageLog log, IDisposable? owned)
    {
        _sources = sources;
        _log = log;
        _owned = owned;
    }

    /// <summary>Gets the names of the sources, in the order they are tried.</summary>
    public IReadOnlyList<string> SourceNames => [.. _sources.Select(s => s.Name)];

    /// <summary>Gets what matched, once credentials have been asked for; <see langword="null"/> before.</summary>
    public string? MatchedSource => _matched?.Description;

    /// <inheritdoc/>
    public async ValueTask<AccessKeyCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        var matched = _matched ?? await ResolveAsync(cancellationToken).ConfigureAwait(false);
        AccessKeyCredential credential;
        try
        {
            credential = await matched.Provider!.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EsaStageException ex) when (ex.ErrorCode is not ErrorCodes.InvalidCredentials
            and not ErrorCodes.CredentialSourceFailed)
        {
            throw new EsaStageException(ErrorCodes.CredentialSourceFailed,
                $"Credentials from {matched.Description} could not be obtained: {ex.Message}", ex);
        }

        if (!string.Equals(_maskedSecret, credential.AccessKeySecret, StringComparison.Ordinal))
        {
            _log.MaskSecret(credential.AccessKeySecret);
            if (credential.SecurityToken is not null)
            {
                _log.MaskSecret(credential.SecurityToken);
            }

            _maskedSecret = credential.AccessKeySecret;
        }

        return credential with { Source = matched.Description };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        (_matched?.Provider as IDisposable)?.Dispose();
        _owned?.Dispose();
        _gate.Dispose();
    }

    private async Task<CredentialSourceMatch> ResolveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_matched is { } earlier)
            {
                return earlier;
            }

            var tried = new List<string>();
            foreach (var source in _sources)
            {
                var match = await source.ResolveAsync(cancellationToken).ConfigureAwait(false);
                if (match.Provider is not null)
                {
                    _log.Detail($"Credentials: {match.Description}.");
                    return _matched = match;
                }

                tried.Add($"{tried.Count + 1}. {source.Name}: {match.Description}");
            }

            throw new EsaStageException(ErrorCodes.CredentialsNotFound,
                "No credentials found. Tried, in order: " + string.Join("; ", tried) + ". Set " +
                $"{EnvironmentCredentialProvider.AccessKeyIdVariable} and " +
                $"{EnvironmentCredentialProvider.AccessKeySecretVariable}, or configure one of the other sources " +
                "(see the README's Credentials section).");
        }
        finally
        {
            _gate.Release();
        }
    }
}
