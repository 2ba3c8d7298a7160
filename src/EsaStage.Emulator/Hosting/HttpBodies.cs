using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Hosting;

/// <summary>Reads small request bodies whole, sized or chunked, with a cap.</summary>
internal static class HttpBodies
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"The request body is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
