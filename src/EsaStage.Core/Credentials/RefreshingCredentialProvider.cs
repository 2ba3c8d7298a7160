namespace EsaStage.Core.Credentials;

/// <summary>
/// Keeps a temporary credential and fetches a new one before it expires, so a long run never signs with an expired
/// token. Thread-safe: concurrent callers share one fetch.
/// </summary>
/// <remarks>
/// A credential is refreshed once less than <see cref="StaleTime"/> (15 minutes, as in the official SDKs) of its
/// life is left, or less than half of its whole life for a credential that lives under 30 minutes, so that a short
/// credential is not refetched on every call. If a refresh fails while the old credential has not expired yet, the
/// old one is used and the refresh is tried again on the next call. A credential without an expiration is kept.
/// </remarks>
public sealed class RefreshingCredentialProvider : ICredentialProvider, IDisposable
{
    /// <summary>How long before its expiration a credential is refreshed.</summary>
    public static readonly TimeSpan StaleTime = TimeSpan.FromMinutes(15);

    private readonly Func<CancellationToken, Task<AccessKeyCredential>> _fetch;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="fetch">Fetches a new credential, with its expiration when it has one.</param>
    /// <param name="time">The clock that decides when to refresh.</param>
    public RefreshingCredentialProvider(Func<CancellationToken, Task<AccessKeyCredential>> fetch,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _fetch = fetch;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets the number of credentials fetched so far.</summary>
    public int FetchCount { get; private set; }

    /// <inheritdoc/>
    public async ValueTask<AccessKeyCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && _time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Credential;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var cached = _cached;
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.Credential;
            }

            try
            {
                var credential = await _fetch(cancellationToken).ConfigureAwait(false);
                FetchCount++;
                _cached = new Cached(credential, RefreshAt(credential, now));
                return credential;
            }
            catch (EsaStageException) when (cached?.Credential.Expiration > now)
            {
                // A failed refresh is not fatal while the credential in hand still works.
                return cached.Credential;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private static DateTimeOffset RefreshAt(AccessKeyCredential credential, DateTimeOffset now)
    {
        if (credential.Expiration is not { } expiration)
        {
            return DateTimeOffset.MaxValue;
        }

        var lifetime = expiration - now;
        var stale = lifetime < StaleTime * 2 ? lifetime / 2 : StaleTime;
        return expiration - stale;
    }

    private sealed record Cached(AccessKeyCredential Credential, DateTimeOffset RefreshAt);
}
