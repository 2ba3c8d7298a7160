namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>Content of unknown length, so HttpClient sends it with <c>Transfer-Encoding: chunked</c>.</summary>
internal sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
