using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Oss;

/// <summary>Writes OSS answers: XML errors with <c>x-oss-request-id</c>, and upload results.</summary>
internal static class OssResponses
{
    public const string RequestIdHeader = "x-oss-request-id";

    public static Task WriteErrorAsync(HttpResponse response, OssError error, string requestId, string hostId)
    {
        var xml = new XElement("Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            new XElement("RequestId", requestId),
            new XElement("HostId", hostId));
        return WriteAsync(response, error.HttpStatus, "application/xml", requestId,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml.ToString(SaveOptions.DisableFormatting));
    }

    public static Task WritePostResponseAsync(HttpResponse response, OssObject stored, Uri ossEndpoint,
        string requestId)
    {
        var xml = new XElement("PostResponse",
            new XElement("Bucket", OssBucket.Name),
            new XElement("Location", new Uri(ossEndpoint, stored.Key).ToString()),
            new XElement("Key", stored.Key),
            new XElement("ETag", Quote(stored.ETag)));
        return WriteAsync(response, 201, "application/xml", requestId,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml.ToString(SaveOptions.DisableFormatting));
    }

    public static async Task WriteAsync(HttpResponse response, int status, string? contentType, string requestId,
        string? body)
    {
        response.StatusCode = status;
        response.Headers[RequestIdHeader] = requestId;
        if (body is null)
        {
            response.ContentLength = 0;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    public static string Quote(string etag) => "\"" + etag + "\"";
}
