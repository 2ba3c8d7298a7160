using System.Net.Http.Headers;
using System.Text.Json;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>An ESA API answer as the tests read it.</summary>
internal sealed record EsaAnswer(int Status, JsonElement Json, string? ContentType, HttpResponseHeaders Headers)
{
    public string? Code => Json.TryGetProperty("Code", out var code) ? code.GetString() : null;

    public string? Message => Json.TryGetProperty("Message", out var message) ? message.GetString() : null;

    public string Text(string name) => Json.GetProperty(name).GetString()!;
}
