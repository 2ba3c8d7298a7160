using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Oss;

/// <summary>
/// Builds and writes OSS answers: XML errors, and upload results, always with <c>x-oss-request-id</c>.
/// </summary>
internal static class OssResponses
{
    public const string RequestIdHeader = "x-oss-request-id";

    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    public static OssReply Error(OssError error, string requestId, string hostId, string? etag = null)
    {
        var xml = new XElement("Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            new XElement("RequestId", requestId),
            new XElement("HostId", hostId));
        return new OssReply(error.HttpStatus, "application/xml",
            XmlDeclaration + xml.ToString(SaveOptions.DisableFormatting), error.Code, etag);
    }

    public static OssReply PostResponse(OssObject stored, Uri ossEndpoint)
    {
        var xml = new XElement("PostResponse",
            new XElement("Bucket", OssBucket.Name),
            new XElement("Location", new Uri(ossEndpoint, stored.Key).ToString()),
            new XElement("Key", stored.Key),
            new XElement("ETag", Quote(stored.ETag)));
        return new OssReply(201, "application/xml", XmlDeclaration + xml.ToString(SaveOptions.DisableFormatting),
            null, stored.ETag);
    }

    public static async Task WriteAsync(HttpResponse response, OssReply reply, string requestId)
    {
        response.StatusCode = reply.Status;
        response.Headers[RequestIdHeader] = requestId;
        if (reply.ETag is not null)
        {
            response.Headers.ETag = Quote(reply.ETag);
        }

        if (reply.Body is null)
        {
            response.ContentLength = 0;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        response.ContentType = reply.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static string Quote(string etag) => "\"" + etag + "\"";
}
