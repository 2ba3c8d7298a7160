using System.Text.Json;

namespace EsaStage.Emulator.Esa;

/// <summary>
/// One API operation: it checks and changes state, then returns what to write after <c>RequestId</c>. It throws an
/// <see cref="EsaException"/> to answer an error, before anything is written.
/// </summary>
internal delegate Action<Utf8JsonWriter> EsaOperation(EsaCall call);
