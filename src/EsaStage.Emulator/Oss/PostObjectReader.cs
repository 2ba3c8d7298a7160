using System.Security.Cryptography;
using System.Text;
using EsaStage.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EsaStage.Emulator.Oss;

/// <summary>
/// Reads an upload form as a stream, checks it as OSS does and stores the file. The file is written to disk while
/// it is hashed and never held in memory.
/// </summary>
internal static class PostObjectReader
{
    private const int MaxFieldBytes = 2 * 1024 * 1024;
    private const int CopyBufferBytes = 81920;

    public static async Task<(OssObject Stored, UploadGrant Grant)> ReadAsync(HttpRequest request,
        UploadProgress form, EmulatorContext emulator, CancellationToken cancellationToken)
    {
        var boundary = ReadBoundary(request.ContentType);
        if (request.ContentLength is null)
        {
            throw new OssException(new OssError(411, "MissingContentLength",
                "You must provide the Content-Length HTTP header."));
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            var name = SectionName(section);
            if (name != "file")
            {
                form.Fields.Add(new(name, await ReadFieldAsync(section, cancellationToken).ConfigureAwait(false)));
                continue;
            }

            // A missing key is reported at once; every other check waits until it is known whether the file is
            // the last part, because a field after the file makes the whole form malformed.
            if (!form.Has("key"))
            {
                throw new OssException(OssError.KeyMissing());
            }

            var (grant, refusal) = TryCheck(form, emulator);
            form.FileContentDisposition = section.ContentDisposition;
            form.FileContentType = section.ContentType;
            var maxBytes = grant?.MaxBytes ?? UploadFormChecker.MaxObjectBytes;
            var stored = await StoreFileAsync(section, grant?.Key ?? string.Empty, maxBytes, form, emulator,
                cancellationToken).ConfigureAwait(false);
            try
            {
                if (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    throw new OssException(OssError.Malformed());
                }

                if (refusal is not null)
                {
                    throw refusal;
                }

                if (section.Headers!.Keys.Any(h => !IsFilePartHeader(h)))
                {
                    throw new OssException(
                        OssError.InvalidArgument("The bucket POST contains unrecognized field name."));
                }

                if (stored.Object.Length < grant!.MinBytes)
                {
                    throw new OssException(new OssError(400, "EntityTooSmall",
                        "Your proposed upload is smaller than the minimum allowed size."));
                }
            }
            catch
            {
                State.CodeStore.TryDelete(stored.IncomingPath);
                throw;
            }

            emulator.State.Code.Adopt(stored.IncomingPath, stored.Object.Sha256);
            emulator.Bucket.Put(stored.Object);
            return (stored.Object, grant!);
        }

        throw new OssException(form.Has("key")
            ? new OssError(400, "IncorrectNumberOfFilesInPOSTRequest",
                "POST requires exactly one file upload per request.")
            : OssError.KeyMissing());
    }

    private static string ReadBoundary(string? contentType)
    {
        // OSS needs "multipart/form-data; boundary=…" with a semicolon; a comma or a bare type is refused.
        var enclosure = OssError.InvalidArgument("Bucket POST must be of the enclosure-type multipart/form-data");
        if (contentType is null
            || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || !contentType["multipart/form-data".Length..].TrimStart().StartsWith(';')
            || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            throw new OssException(enclosure);
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrEmpty(boundary) ? throw new OssException(enclosure) : boundary;
    }

    private static (UploadGrant? Grant, OssException? Refusal) TryCheck(UploadProgress form,
        EmulatorContext emulator)
    {
        try
        {
            return (UploadFormChecker.Check(form, emulator.OssCredential.AccessKeyId,
                emulator.OssCredential.AccessKeySecret, emulator.Time.GetUtcNow()), null);
        }
        catch (OssException e)
        {
            return (null, e);
        }
    }

    private static bool IsFilePartHeader(string name) =>
        name.Equals(HeaderNames.ContentDisposition, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase);

    private static string SectionName(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
        {
            throw new OssException(OssError.Malformed());
        }

        return name;
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                throw new OssException(new OssError(400, "FieldItemTooLong",
                    "Your POST request fields preceding the upload file were too large."));
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task<(OssObject Object, string IncomingPath)> StoreFileAsync(MultipartSection section,
        string key, long maxBytes, UploadProgress form, EmulatorContext emulator, CancellationToken cancellationToken)
    {
        var path = emulator.State.Code.NewIncomingPath();
        var kept = false;
        try
        {
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long length = 0;
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes,
                useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                var chunk = new byte[CopyBufferBytes];
                int read;
                while ((read = await section.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    form.FileLength = length;
                    if (length > maxBytes)
                    {
                        throw new OssException(new OssError(400, "EntityTooLarge",
                            "Your proposed upload exceeds the maximum allowed size."));
                    }

                    sha256.AppendData(chunk, 0, read);
                    md5.AppendData(chunk, 0, read);
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            form.FileSha256 = Convert.ToHexStringLower(sha256.GetHashAndReset());
            var contentType = form.Field("x-oss-content-type") ?? form.FileContentType ?? "application/octet-stream";
            kept = true;
            return (new OssObject(key, form.FileSha256, length, Convert.ToHexString(md5.GetHashAndReset()),
                contentType), path);
        }
        finally
        {
            if (!kept)
            {
                State.CodeStore.TryDelete(path);
            }
        }
    }
}
