using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Esa;

/// <summary>Writes ESA-shaped JSON answers: results with <c>RequestId</c>, and errors.</summary>
internal static class EsaResponses
{
    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds a JSON object: <c>RequestId</c> first, then what <paramref name="writeFields"/> adds.</summary>
    public static byte[] Result(string requestId, Action<Utf8JsonWriter> writeFields) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("RequestId", requestId);
        writeFields(w);
        w.WriteEndObject();
    });

    public static byte[] Error(string requestId, string hostId, EsaError error) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("RequestId", requestId);
        w.WriteString("HostId", hostId);
        w.WriteString("Code", error.Code);
        w.WriteString("Message", error.Message);
        w.WriteString("Recommend",
            $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=ESA");
        w.WriteEndObject();
    });

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes an answer. Its <c>Date</c> header comes from the emulator's clock, so a client measuring its clock
    /// skew from an error sees the time the emulator judged its request by.
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, int status, string requestId, byte[] body,
        TimeProvider? time = null)
    {
        if (time is not null)
        {
            response.Headers.Date = time.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        response.StatusCode = status;
        response.ContentType = EsaFormat.JsonContentType;
        response.Headers["x-acs-request-id"] = requestId;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
