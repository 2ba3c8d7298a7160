using System.Net.Http.Headers;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Files;

namespace EsaStage.Core.Oss;

/// <summary>Uploads a code file to OSS with the form ESA issued (PostObject), and judges the answer.</summary>
/// <remarks>
/// Success is HTTP 200, or 204 when the form had no callback. HTTP 203 means OSS stored the object but the callback
/// that registers it with ESA failed, so it is a failure; <c>IsSuccessStatusCode</c> would wrongly accept it.
/// </remarks>
/// <param name="http">The HTTP client used for uploads.</param>
public sealed class PostObjectUpload(HttpClient http)
{
    /// <summary>Uploads the code file.</summary>
    /// <param name="form">The upload form.</param>
    /// <param name="filePath">The code file.</param>
    /// <param name="progress">Receives progress while the file is sent; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The completed upload.</returns>
    /// <exception cref="OssUploadException">The upload did not complete, or OSS refused it.</exception>
    public async Task<OssUploadResult> UploadAsync(OssPostForm form, string filePath,
        IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(filePath);

        var fileLength = ResolvedFile.Of(filePath).Length;
        using var content = new MultipartFormBody(form.Fields, FileNameFor(form.Key), filePath, fileLength, progress);
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Url) { Content = content };
        request.Headers.UserAgent.ParseAdd(ProductInfo.UserAgent);

        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is OssUploadException inner)
        {
            throw inner;
        }
        catch (HttpRequestException ex)
        {
            throw new OssUploadException(ErrorCodes.UploadFailed,
                $"The code upload to {form.Url.Authority} did not complete: {ExceptionMessages.Describe(ex)}",
                error: null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OssUploadException(ErrorCodes.UploadFailed,
                $"The code upload to {form.Url.Authority} did not complete within {http.Timeout.TotalSeconds:0} s.",
                error: null, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var requestId = Header(response.Headers, "x-oss-request-id");
            if (status == 200 || (status == 204 && !form.HasCallback))
            {
                return new OssUploadResult(status, requestId, fileLength, content.Sha256 ?? string.Empty);
            }

            throw ToException(status, body, requestId);
        }
    }

    /// <summary>The file name sent in the file part: the ASCII base name of the object key.</summary>
    /// <param name="key">The object key.</param>
    /// <returns>A name safe to put in a quoted header parameter.</returns>
    internal static string FileNameFor(string key)
    {
        var baseName = key[(key.LastIndexOf('/') + 1)..];
        var safe = new string([.. baseName.Select(c => c is >= ' ' and < '\x7f' and not '"' and not '\\' ? c : '_')]);
        return safe.Length == 0 ? "index.js" : safe;
    }

    private static OssUploadException ToException(int status, byte[] body, string? requestId)
    {
        if (status == 204)
        {
            return new OssUploadException(ErrorCodes.UploadCallbackFailed,
                "OSS stored the code but answered 204, so the callback that registers it with ESA did not run. " +
                $"The code version was not registered (OSS RequestId {requestId ?? "unknown"}).",
                new OssError(status, "NoCallback", "No callback was performed.", requestId, null, null));
        }

        var error = OssErrorReader.Read(status, body, requestId);
        if (status == 203)
        {
            return new OssUploadException(ErrorCodes.UploadCallbackFailed,
                "The code was uploaded but the ESA callback failed, so ESA did not register it: " +
                $"{error.Code}: {error.Message} (OSS RequestId {error.RequestId ?? "unknown"}). Stage again.", error);
        }

        var hint = error.Message.Contains("Policy expired", StringComparison.OrdinalIgnoreCase)
            ? " The upload form expired before the upload finished; staging again gets a new form and spends " +
              "another code version."
            : string.Empty;
        return new OssUploadException(ErrorCodes.UploadRejected,
            $"OSS refused the code upload: {error.Code}: {error.Message} (HTTP {status}, " +
            $"OSS RequestId {error.RequestId ?? "unknown"}).{hint}", error);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
