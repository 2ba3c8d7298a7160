namespace EsaStage.Emulator.Faults;

/// <summary>What a fault rule does to the request it matches.</summary>
internal enum FaultKind
{
    EsaError,
    OssError,
    CallbackFailure,
    Delay,
    Drop,
}
