using EsaStage.Emulator.Faults;
using EsaStage.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Oss;

/// <summary>
/// The OSS side: <c>POST /</c> with a multipart form, checked like OSS PostObject, then the callback into ESA.
/// </summary>
/// <remarks>
/// Outcomes: 200 with the callback server's JSON when the callback succeeded; 203 <c>CallbackFailed</c> when it did
/// not (the object stays stored but ESA never registers it); 204 without a callback (or the
/// <c>success_action_status</c> asked for); XML errors otherwise. A body without <c>Content-Length</c> gets 411, a
/// harness choice: real OSS behaviour with chunked uploads is unverified.
/// </remarks>
internal sealed class PostObjectHandler(EmulatorContext emulator)
{
    public async Task HandleAsync(HttpContext http)
    {
        var sequence = emulator.Requests.Begin();
        var receivedAt = emulator.Time.GetUtcNow();
        var started = emulator.Time.GetTimestamp();
        var requestId = RandomText.OssRequestId();
        var form = new UploadProgress();
        var status = 0;
        string? errorCode = null;
        try
        {
            if (emulator.Faults.TakeDelay(FaultTarget.Oss) is { } delay)
            {
                await Task.Delay(delay, emulator.Time, http.RequestAborted).ConfigureAwait(false);
            }

            if (emulator.Faults.TakeDrop(FaultTarget.Oss))
            {
                http.Abort();
                return;
            }

            if (emulator.Faults.TakeOssError() is { } fault)
            {
                throw new OssException(new OssError(fault.HttpStatus, fault.Code, fault.Message));
            }

            (status, errorCode) = await ProcessAsync(http, form, requestId).ConfigureAwait(false);
        }
        catch (OssException e)
        {
            (status, errorCode) = (e.Error.HttpStatus, e.Error.Code);
            await WriteErrorAsync(http, e.Error, requestId).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException
            && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            status = 0;
        }
        catch (IOException)
        {
            // The body ended before the closing boundary, or was otherwise not multipart.
            var error = OssError.Malformed();
            (status, errorCode) = (error.HttpStatus, error.Code);
            await WriteErrorAsync(http, error, requestId).ConfigureAwait(false);
        }
        finally
        {
            emulator.Requests.Complete(Record(http.Request, sequence, receivedAt, form, status, errorCode),
                emulator.Time.GetElapsedTime(started));
        }
    }

    private async Task<(int Status, string? ErrorCode)> ProcessAsync(HttpContext http, UploadProgress form,
        string requestId)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path != "/")
        {
            throw new OssException(new OssError(405, "MethodNotAllowed",
                "The specified method is not allowed against this resource."));
        }

        var (stored, grant) = await PostObjectReader.ReadAsync(http.Request, form, emulator, http.RequestAborted)
            .ConfigureAwait(false);
        var response = http.Response;
        response.Headers.ETag = OssResponses.Quote(stored.ETag);
        if (grant.Callback is null)
        {
            return await WriteSuccessWithoutCallbackAsync(response, form, stored, requestId).ConfigureAwait(false);
        }

        string? json, failure;
        if (emulator.Faults.TakeCallbackFailure() is { } fault)
        {
            (json, failure) = (null, fault.Message);
        }
        else
        {
            (json, failure) = await CallbackSender.SendAsync(emulator.CallbackClient, grant.Callback,
                name => Variable(name, stored, form), http.RequestAborted).ConfigureAwait(false);
        }

        if (json is null)
        {
            var error = new OssError(203, "CallbackFailed", failure!);
            await WriteErrorAsync(http, error, requestId).ConfigureAwait(false);
            return (error.HttpStatus, error.Code);
        }

        await OssResponses.WriteAsync(response, 200, "application/json", requestId, json).ConfigureAwait(false);
        return (200, null);
    }

    private async Task<(int Status, string? ErrorCode)> WriteSuccessWithoutCallbackAsync(HttpResponse response,
        UploadProgress form, OssObject stored, string requestId)
    {
        switch (form.Field("success_action_status"))
        {
            case "200":
                await OssResponses.WriteAsync(response, 200, null, requestId, null).ConfigureAwait(false);
                return (200, null);
            case "201":
                await OssResponses.WritePostResponseAsync(response, stored, emulator.OssEndpoint, requestId)
                    .ConfigureAwait(false);
                return (201, null);
            default:
                await OssResponses.WriteAsync(response, 204, null, requestId, null).ConfigureAwait(false);
                return (204, null);
        }
    }

    private static string? Variable(string name, OssObject stored, UploadProgress form) => name switch
    {
        "bucket" => OssBucket.Name,
        "object" => stored.Key,
        "size" => stored.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "etag" => stored.ETag,
        "mimeType" => stored.ContentType,
        _ when name.StartsWith("x:", StringComparison.Ordinal) => form.Field(name),
        _ => null,
    };

    private Task WriteErrorAsync(HttpContext http, OssError error, string requestId)
    {
        if (http.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        http.Response.Headers.Remove("ETag");
        return OssResponses.WriteErrorAsync(http.Response, error, requestId,
            $"{OssBucket.Name}.{emulator.OssEndpoint.Authority}");
    }

    private static RecordedRequest Record(HttpRequest request, long sequence, DateTimeOffset receivedAt,
        UploadProgress form, int status, string? errorCode) => new()
    {
        Sequence = sequence,
        Target = RequestTarget.Oss,
        ReceivedAt = receivedAt,
        Method = request.Method,
        Path = request.Path.Value ?? "/",
        RawQuery = HttpRecording.RawQuery(request),
        Headers = HttpRecording.Headers(request),
        ContentLength = request.ContentLength,
        IsChunked = HttpRecording.IsChunked(request),
        StatusCode = status,
        ErrorCode = errorCode,
        FormFields = [.. form.Fields],
        FileContentDisposition = form.FileContentDisposition,
        FileContentType = form.FileContentType,
        FileLength = form.FileLength,
        FileSha256 = form.FileSha256,
    };
}
