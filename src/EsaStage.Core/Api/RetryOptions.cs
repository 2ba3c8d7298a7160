namespace EsaStage.Core.Api;

/// <summary>How transient failures of a call are retried: a small number of attempts with jittered backoff.</summary>
/// <remarks>
/// Only transient failures are retried (see <see cref="TransientFailures"/>). Every attempt is a new request with a
/// new date, nonce and signature, so a retry is never a replay.
/// </remarks>
public sealed record RetryOptions
{
    /// <summary>The default number of attempts, the first one included.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Gets a policy that makes one attempt and never retries.</summary>
    public static RetryOptions None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Gets the number of attempts, the first one included.</summary>
    /// <value>The default is 3. 1 turns retries off.</value>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Gets the median wait before the first retry; each later retry waits about twice as long.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest wait between two attempts that the backoff computes.</summary>
    /// <value>The default is 15 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets the longest <c>x-acs-retry-after</c> that is waited out; a service asking for a longer wait gets no
    /// retry, and its error is reported instead.
    /// </summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
}
