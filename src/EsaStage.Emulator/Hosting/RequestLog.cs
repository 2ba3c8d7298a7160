namespace EsaStage.Emulator.Hosting;

/// <summary>
/// Every request received, kept in arrival order, and the one-line log of each. Thread-safe.
/// </summary>
/// <remarks>
/// A request takes its sequence number when it arrives and is stored when it completes, so a slow upload does not
/// hold back the record of a later quick call, and the snapshot still lists them in arrival order.
/// </remarks>
internal sealed class RequestLog(Action<string>? log)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _completed = [];
    private long _sequence;

    public long Begin() => Interlocked.Increment(ref _sequence);

    public void Complete(RecordedRequest request, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _completed.Add(request);
        }

        if (log is not null)
        {
            // Method, path, action and outcome only: never headers, query values, form values or bodies.
            var action = request.Action is null ? string.Empty : " " + request.Action;
            var outcome = request.StatusCode == 0 ? "dropped" : request.StatusCode.ToString(
                System.Globalization.CultureInfo.InvariantCulture);
            var code = request.ErrorCode is null ? string.Empty : " " + request.ErrorCode;
            log($"{request.Target} {request.Method} {request.Path}{action} -> {outcome}{code} "
                + $"({elapsed.TotalMilliseconds:0} ms)");
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _completed.OrderBy(r => r.Sequence)];
        }
    }
}
