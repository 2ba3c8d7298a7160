namespace EsaStage.Emulator.Faults;

/// <summary>
/// Scripted failures: errors, failed callbacks, delays and dropped connections, each consumed by the requests it
/// matches. Thread-safe; also driven over HTTP through <c>POST /_emulator/faults</c>.
/// </summary>
/// <remarks>
/// Rules apply in the order they were added: the first live rule of a kind that matches a request is consumed by
/// it. A request can meet several kinds at once (a delay, then an error). Faults apply before signature checks, the
/// way a failing front end answers before the service looks at a request. Delays run on the emulator's
/// <see cref="EmulatorOptions.TimeProvider"/>, so a fake clock must be advanced for them to end.
/// </remarks>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private long _policyLifetimeTicks;

    internal FaultInjector(TimeSpan policyLifetime) => PolicyLifetime = policyLifetime;

    /// <summary>Gets or sets how long upload forms issued from now on stay valid.</summary>
    public TimeSpan PolicyLifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _policyLifetimeTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _policyLifetimeTicks, value.Ticks);
        }
    }

    /// <summary>Gets the number of rules that still have requests to apply to.</summary>
    public int PendingRuleCount
    {
        get
        {
            lock (_gate)
            {
                return _rules.Count;
            }
        }
    }

    /// <summary>Fails the next ESA API requests with an ESA JSON error.</summary>
    /// <param name="count">How many requests to fail.</param>
    /// <param name="httpStatus">The HTTP status, e.g. 503.</param>
    /// <param name="code">The error <c>Code</c>, e.g. <c>ServiceUnavailable</c>.</param>
    /// <param name="message">The error <c>Message</c>.</param>
    /// <param name="action">Only requests for this <c>x-acs-action</c>; <see langword="null"/> for any.</param>
    /// <param name="retryAfter">The <c>x-acs-retry-after</c> header value; <see langword="null"/> for none.</param>
    public void FailEsaRequests(int count, int httpStatus, string code, string message, string? action = null,
        string? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 400);
        Add(new FaultRule
        {
            Kind = FaultKind.EsaError, Remaining = count, HttpStatus = httpStatus, Code = code, Message = message,
            Action = action, RetryAfter = retryAfter,
        });
    }

    /// <summary>Fails the next OSS uploads with an OSS XML error, before the form is read.</summary>
    /// <param name="count">How many uploads to fail.</param>
    /// <param name="httpStatus">The HTTP status, e.g. 403 or 503.</param>
    /// <param name="code">The error <c>Code</c>.</param>
    /// <param name="message">The error <c>Message</c>.</param>
    public void FailOssUploads(int count, int httpStatus, string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(httpStatus, 400);
        Add(new FaultRule
        {
            Kind = FaultKind.OssError, Remaining = count, HttpStatus = httpStatus, Code = code, Message = message,
        });
    }

    /// <summary>
    /// Makes the callbacks of the next uploads fail: the object is stored, ESA is not told, and OSS answers 203
    /// <c>CallbackFailed</c>.
    /// </summary>
    /// <param name="count">How many callbacks to fail.</param>
    /// <param name="message">The <c>Message</c> of the 203 answer.</param>
    public void FailCallbacks(int count, string message = "Error status : 502.") =>
        Add(new FaultRule { Kind = FaultKind.CallbackFailure, Remaining = count, Message = message });

    /// <summary>Delays the next requests to <paramref name="target"/> before they are handled.</summary>
    /// <param name="target">ESA or OSS.</param>
    /// <param name="count">How many requests to delay.</param>
    /// <param name="delay">How long.</param>
    public void DelayRequests(FaultTarget target, int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(new FaultRule { Kind = FaultKind.Delay, Target = target, Remaining = count, Delay = delay });
    }

    /// <summary>Drops the connection of the next requests to <paramref name="target"/> without an answer.</summary>
    /// <param name="target">ESA or OSS.</param>
    /// <param name="count">How many requests.</param>
    public void DropConnections(FaultTarget target, int count) =>
        Add(new FaultRule { Kind = FaultKind.Drop, Target = target, Remaining = count });

    /// <summary>Removes every rule that has not been consumed yet.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal FaultRule? TakeEsaError(string? action) =>
        Take(r => r.Kind == FaultKind.EsaError
            && (r.Action is null || string.Equals(r.Action, action, StringComparison.Ordinal)));

    internal FaultRule? TakeOssError() => Take(r => r.Kind == FaultKind.OssError);

    internal FaultRule? TakeCallbackFailure() => Take(r => r.Kind == FaultKind.CallbackFailure);

    internal TimeSpan? TakeDelay(FaultTarget target) =>
        Take(r => r.Kind == FaultKind.Delay && r.Target == target)?.Delay;

    internal bool TakeDrop(FaultTarget target) => Take(r => r.Kind == FaultKind.Drop && r.Target == target) is not null;

    private void Add(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Remaining, 1, "count");
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private FaultRule? Take(Func<FaultRule, bool> matches)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(matches);
            if (rule is not null && --rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule;
        }
    }
}
