using System.Text.Json.Serialization;

namespace EsaStage.Tasks.Reuse;

/// <summary>Source-generated serialization of <see cref="StageStamp"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StageStamp))]
internal sealed partial class StageStampJsonContext : JsonSerializerContext;
