using System.Text.Json.Serialization;

namespace EsaStage.Core.Staging;

/// <summary>Source-generated serialization for the result JSON: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StageResult))]
internal sealed partial class StageResultJsonContext : JsonSerializerContext;
