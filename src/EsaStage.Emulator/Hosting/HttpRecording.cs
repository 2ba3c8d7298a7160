using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EsaStage.Emulator.Hosting;

/// <summary>Reads the parts of a request that every <see cref="RecordedRequest"/> keeps.</summary>
internal static class HttpRecording
{
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(HttpRequest request) =>
        [.. request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))];

    public static bool IsChunked(HttpRequest request) =>
        request.Headers[HeaderNames.TransferEncoding].Any(v =>
            v is not null && v.Contains("chunked", StringComparison.OrdinalIgnoreCase));

    public static string RawQuery(HttpRequest request) =>
        request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
}
