using System.Text.Json.Serialization;

namespace EsaStage.Emulator.State;

/// <summary>Source-generated JSON for the data directory's index (no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PersistedState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
