namespace EsaStage.Emulator.Faults;

/// <summary>One injected fault and how many more requests it applies to.</summary>
internal sealed class FaultRule
{
    public required FaultKind Kind { get; init; }

    public FaultTarget Target { get; init; }

    public int Remaining { get; set; }

    public string? Action { get; init; }

    public int HttpStatus { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Message { get; init; } = string.Empty;

    public string? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }
}
