using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Core.Oss;

/// <summary>
/// The <c>multipart/form-data</c> body of an OSS PostObject upload, written byte for byte by this class: text
/// fields in the order given, then <c>file</c> last, streamed from disk with a known length.
/// </summary>
/// <remarks>
/// <para>
/// <c>MultipartFormDataContent</c> is not used: it quotes the boundary, adds <c>filename*</c> and gives text parts a
/// content type, each of which strict form parsers have refused. The boundary here is unquoted and the text parts
/// carry only their <c>Content-Disposition</c>, as the official ESA CLI sends them.
/// </para>
/// <para>
/// The length is known up front, so HttpClient sends a <c>Content-Length</c> and never switches to chunked
/// transfer. The file is read in fixed-size blocks, so memory stays the same whatever the file size. The code's
/// SHA-256 is computed from the very bytes sent.
/// </para>
/// </remarks>
internal sealed class MultipartFormBody : HttpContent
{
    private const int BlockSize = 128 * 1024;

    private readonly string _filePath;
    private readonly long _fileLength;
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly IProgress<UploadProgress>? _progress;

    public MultipartFormBody(IReadOnlyList<KeyValuePair<string, string>> fields, string fileName, string filePath,
        long fileLength, IProgress<UploadProgress>? progress)
    {
        _filePath = filePath;
        _fileLength = fileLength;
        _progress = progress;

        Boundary = ChooseBoundary(fields);
        _head = Encoding.UTF8.GetBytes(WriteHead(fields, fileName, Boundary));
        _tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");

        // Added without validation so the boundary is not quoted and the separator stays a semicolon.
        Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + Boundary);
    }

    public string Boundary { get; }

    /// <summary>Gets the SHA-256 of the file bytes sent by the last completed serialization.</summary>
    public string? Sha256 { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context,
        CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_head, cancellationToken).ConfigureAwait(false);

        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var file = new FileStream(_filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                long sent = 0;
                while (sent < _fileLength)
                {
                    var wanted = (int)Math.Min(BlockSize, _fileLength - sent);
                    var read = await file.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken)
                        .ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw CodeFileChanged();
                    }

                    hash.AppendData(buffer, 0, read);
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    sent += read;
                    _progress?.Report(new UploadProgress(sent, _fileLength));
                }

                if (file.Length != _fileLength)
                {
                    throw CodeFileChanged();
                }
            }

            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await stream.WriteAsync(_tail, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _head.Length + _fileLength + _tail.Length;
        return true;
    }

    private static string WriteHead(IReadOnlyList<KeyValuePair<string, string>> fields, string fileName,
        string boundary)
    {
        var head = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            head.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(QuotedText(name)).Append("\"\r\n\r\n")
                .Append(value).Append("\r\n");
        }

        head.Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Disposition: form-data; name=\"file\"; filename=\"").Append(fileName).Append("\"\r\n")
            .Append("Content-Type: application/javascript\r\n\r\n");
        return head.ToString();
    }

    private static string ChooseBoundary(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        // 96 random bits make a clash with the code practically impossible; the text fields are checked for real.
        while (true)
        {
            var boundary = "----EsaStageFormBoundary" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            if (!fields.Any(f => f.Value.Contains(boundary, StringComparison.Ordinal)))
            {
                return boundary;
            }
        }
    }

    /// <summary>Escapes the characters that would end a quoted header parameter, as browsers do.</summary>
    private static string QuotedText(string text) =>
        text.Replace("\"", "%22", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private OssUploadException CodeFileChanged() =>
        new(ErrorCodes.CodeFileChanged,
            $"The code file '{_filePath}' changed size while it was being uploaded. Upload it again once the " +
            "build that writes it has finished.", error: null)
        { FilePath = _filePath };
}
