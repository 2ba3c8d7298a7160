using System.Xml.Linq;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>An OSS XML error as the tests read it.</summary>
internal sealed record OssErrorBody(int Status, string Code, string Message, string RequestId, string? RequestIdHeader)
{
    public static async Task<OssErrorBody> ReadAsync(HttpResponseMessage response)
    {
        Assert.AreEqual("application/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.AreEqual("Error", root.Name.LocalName);
        return new OssErrorBody((int)response.StatusCode, root.Element("Code")!.Value, root.Element("Message")!.Value,
            root.Element("RequestId")!.Value,
            response.Headers.TryGetValues("x-oss-request-id", out var ids) ? ids.Single() : null);
    }
}
