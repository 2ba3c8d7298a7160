using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>
/// A multipart/form-data body written byte by byte, the way the ESA CLI's form-data library writes it: this is the
/// wire contract, so the tests do not lean on <see cref="MultipartFormDataContent"/>'s quirks.
/// </summary>
internal sealed class MultipartBody
{
    private readonly MemoryStream _bytes = new();

    public string Boundary { get; } =
        "--------------------------" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    public MultipartBody Field(string name, string value) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"\r\n", Encoding.UTF8.GetBytes(value));

    public MultipartBody File(byte[] content, string? fileName = null, string? contentType = null,
        string name = "file", string? extraHeader = null)
    {
        var headers = new StringBuilder($"Content-Disposition: form-data; name=\"{name}\"");
        headers.Append(fileName is null ? "\r\n" : $"; filename=\"{fileName}\"\r\n");
        if (contentType is not null)
        {
            headers.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        if (extraHeader is not null)
        {
            headers.Append(extraHeader).Append("\r\n");
        }

        return Part(headers.ToString(), content);
    }

    public byte[] ToArray()
    {
        var closing = Encoding.ASCII.GetBytes($"--{Boundary}--\r\n");
        return [.. _bytes.ToArray(), .. closing];
    }

    public HttpContent ToContent(bool chunked = false, string? contentTypeOverride = null)
    {
        var bytes = ToArray();
        HttpContent content = chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentTypeOverride ?? ContentType);
        return content;
    }

    private MultipartBody Part(string headers, byte[] content)
    {
        var head = Encoding.UTF8.GetBytes($"--{Boundary}\r\n{headers}\r\n");
        _bytes.Write(head);
        _bytes.Write(content);
        _bytes.Write("\r\n"u8);
        return this;
    }
}
