using System.Globalization;
using System.Net.Http.Headers;
using EsaStage.Core.Api;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Files;

namespace EsaStage.Core.Oss;

/// <summary>Uploads a code file to OSS with the form ESA issued (PostObject), and judges the answer.</summary>
/// <remarks>
/// Success is HTTP 200, or 204 when the form had no callback. HTTP 203 means OSS stored the object but the callback
/// that registers it with ESA failed, so it is a failure; <c>IsSuccessStatusCode</c> would wrongly accept it.
/// <para>
/// A connection that fails or goes unanswered, and an OSS 5xx, are retried with the same form only while the form's
/// policy is valid. Once it has expired the upload fails with <see cref="ErrorCodes.UploadFormExpired"/> instead of
/// asking ESA for a new form, because a new form spends another of the routine's code versions: that is left to the
/// person, who runs the staging again.
/// </para>
/// </remarks>
/// <param name="http">The HTTP client used for uploads; its timeout bounds each attempt.</param>
/// <param name="log">Receives one line per retry; <see langword="null"/> for none.</param>
/// <param name="retry">How transient failures are retried; <see langword="null"/> for the defaults.</param>
/// <param name="time">The clock for the policy's expiry and the waits; <see langword="null"/> for the system's.</param>
public sealed class PostObjectUpload(HttpClient http, IStageLog? log = null, RetryOptions? retry = null,
    TimeProvider? time = null)
{
    /// <summary>How close to its expiry a form is no longer posted: a post needs a moment to arrive.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

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

        var attempts = 0;
        var pipeline = ApiRetry.Create(retry ?? new RetryOptions(), _time, log ?? NullStageLog.Instance,
            () => "The code upload",
            failure => HasExpired(form) ? null : TransientFailures.DescribeUploadFailure(failure));
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                // The wait before a retry may have outlived the form: an expired form is never posted again.
                if (attempts++ > 0 && HasExpired(form))
                {
                    throw FormExpired(form, "the wait before the retry outlived it", null);
                }

                return await UploadOnceAsync(form, filePath, progress, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OssUploadException ex) when (TransientFailures.DescribeUploadFailure(ex) is not null && HasExpired(form))
        {
            throw FormExpired(form, ex.Message, ex);
        }
    }

    private async Task<OssUploadResult> UploadOnceAsync(OssPostForm form, string filePath,
        IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
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

        var expired = error.Message.Contains("Policy expired", StringComparison.OrdinalIgnoreCase);
        var hint = expired
            ? " The upload form expired before the upload arrived; staging again gets a new form and spends " +
              "another code version."
            : error.HttpStatus == 400 && error.Code == "EntityTooLarge"
                ? " The code file is larger than the form allows."
                : string.Empty;
        return new OssUploadException(expired ? ErrorCodes.UploadFormExpired : ErrorCodes.UploadRejected,
            $"OSS refused the code upload: {error.Code}: {error.Message} (HTTP {status}, " +
            $"OSS RequestId {error.RequestId ?? "unknown"}).{hint}", error);
    }

    private bool HasExpired(OssPostForm form) =>
        form.PolicyExpiration is { } expiration && _time.GetUtcNow() + ExpiryMargin >= expiration;

    private static OssUploadException FormExpired(OssPostForm form, string what, OssUploadException? last)
    {
        var expiration = form.PolicyExpiration!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss",
            CultureInfo.InvariantCulture);
        return new OssUploadException(ErrorCodes.UploadFormExpired,
            $"The code upload did not complete ({what.TrimEnd('.')}), and its upload form expired at {expiration} " +
            "UTC, so it was not retried: OSS refuses an expired form. Stage again; that asks ESA for a new form and " +
            "spends another code version. No code version is reported for this run.", last?.Error, last);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
