using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EsaStage.Emulator.Hosting;

/// <summary>Reads the parts of a request that every <see cref="RecordedRequest"/> keeps.</summary>
internal static class HttpRecording
{
    /// <summary>Describes the request line and headers; callers add the answer with <c>with</c>.</summary>
    public static RecordedRequest Describe(HttpRequest request, RequestTarget target, long sequence,
        DateTimeOffset receivedAt) => new()
    {
        Sequence = sequence,
        Target = target,
        ReceivedAt = receivedAt,
        Method = request.Method,
        Path = request.Path.Value ?? "/",
        RawQuery = RawQuery(request),
        Headers = Headers(request),
        ContentLength = request.ContentLength,
        IsChunked = IsChunked(request),
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Headers(HttpRequest request) =>
        [.. request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))];

    public static bool IsChunked(HttpRequest request) =>
        request.Headers[HeaderNames.TransferEncoding].Any(v =>
            v is not null && v.Contains("chunked", StringComparison.OrdinalIgnoreCase));

    public static string RawQuery(HttpRequest request) =>
        request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
}
