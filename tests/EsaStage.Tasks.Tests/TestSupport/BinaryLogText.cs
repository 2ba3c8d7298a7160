using System.IO.Compression;
using System.Text;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>The bytes of an MSBuild binary log, decompressed, to search for text as any reader could.</summary>
internal static class BinaryLogText
{
    public static byte[] Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static bool Contains(byte[] log, string text) => log.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
