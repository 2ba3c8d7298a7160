namespace EsaStage.Emulator.Esa;

/// <summary>Remembers recent <c>x-acs-signature-nonce</c> values, so that a replayed request is refused.</summary>
/// <remarks>
/// A nonce only has to be remembered while a request carrying it could still pass the date check, so entries older
/// than <see cref="Window"/> are forgotten. The window is twice the allowed clock skew because a request may be dated
/// up to the skew in the future as well as in the past. Thread-safe.
/// </remarks>
public sealed class SignatureNonceCache
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(DateTimeOffset Seen, string Nonce)> _order = new();

    /// <summary>Initializes a new instance of the <see cref="SignatureNonceCache"/> class.</summary>
    /// <param name="window">How long a nonce is remembered.</param>
    public SignatureNonceCache(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Window = window;
    }

    /// <summary>Gets how long a nonce is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>Records <paramref name="nonce"/> unless it was seen within the window.</summary>
    /// <param name="nonce">The nonce.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when the nonce is new; <see langword="false"/> for a replay.</returns>
    public bool TryRegister(string nonce, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(nonce);

        lock (_gate)
        {
            while (_order.Count > 0 && _order.Peek().Seen < now - Window)
            {
                _seen.Remove(_order.Dequeue().Nonce);
            }

            if (!_seen.Add(nonce))
            {
                return false;
            }

            _order.Enqueue((now, nonce));
            return true;
        }
    }
}
