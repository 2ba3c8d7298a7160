using System.Globalization;
using System.Text;
using System.Text.Json;
using EsaStage.Core.Signing;
using EsaStage.Tests.Shared;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>One vector of <c>acs3-vectors.json</c>, as the request that went over the wire.</summary>
internal sealed record AcsVector(
    string Id,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    List<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string AccessKeyId,
    string AccessKeySecret,
    string? SecurityToken,
    DateTimeOffset Date,
    string ExpectedSignature)
{
    public static IEnumerable<string> Ids()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedReference.VectorsFile));
        return [.. document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => v.GetProperty("id").GetString()!)];
    }

    public static AcsVector Load(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedReference.VectorsFile));
        var vector = document.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == id);
        var input = vector.GetProperty("input");
        var wire = vector.GetProperty("wire");
        var url = new Uri(wire.GetProperty("url").GetString()!);
        var token = input.GetProperty("securityToken");
        return new AcsVector(
            id,
            input.GetProperty("method").GetString()!,
            url.AbsolutePath,
            FormUrlEncoding.Decode(url.Query.TrimStart('?')),
            [.. wire.GetProperty("headers").EnumerateObject()
                .Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString()!))],
            Encoding.UTF8.GetBytes(wire.GetProperty("body").GetString() ?? string.Empty),
            input.GetProperty("accessKeyId").GetString()!,
            input.GetProperty("accessKeySecret").GetString()!,
            token.ValueKind == JsonValueKind.Null ? null : token.GetString(),
            DateTimeOffset.Parse(input.GetProperty("xAcsDate").GetString()!, CultureInfo.InvariantCulture),
            vector.GetProperty("expected").GetProperty("signature").GetString()!);
    }
}
