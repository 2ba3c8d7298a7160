using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EsaStage.Core.Oss;

/// <summary>Reads the XML error document OSS answers with.</summary>
internal static class OssErrorReader
{
    public static OssError Read(int status, byte[] body, string? requestIdHeader)
    {
        string? code = null, message = null, requestId = null, hostId = null, ec = null;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            var root = XDocument.Load(reader).Root;
            code = root?.Element("Code")?.Value;
            message = root?.Element("Message")?.Value;
            requestId = root?.Element("RequestId")?.Value;
            hostId = root?.Element("HostId")?.Value;
            ec = root?.Element("EC")?.Value;
        }
        catch (XmlException)
        {
            message = body.Length == 0 ? "(empty body)" : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        }

        return new OssError(status, code ?? "Unknown", message ?? "(no message)", requestId ?? requestIdHeader,
            hostId, ec);
    }
}
