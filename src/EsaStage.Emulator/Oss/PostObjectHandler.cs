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
        OssReply? reply = null;
        try
        {
            if (emulator.Faults.TakeDelay(FaultTarget.Oss) is { } delay)
            {
                await emulator.DelayAsync(delay, http.RequestAborted).ConfigureAwait(false);
            }

            if (!emulator.Faults.TakeDrop(FaultTarget.Oss))
            {
                reply = emulator.Faults.TakeOssError() is { } fault
                    ? Error(new OssError(fault.HttpStatus, fault.Code, fault.Message), requestId)
                    : await ProcessAsync(http, form, requestId).ConfigureAwait(false);
            }
        }
        catch (OssException e)
        {
            reply = Error(e.Error, requestId);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException
            && (http.RequestAborted.IsCancellationRequested || emulator.Stopping.IsCancellationRequested))
        {
            // The client went away, or the emulator is stopping: nobody is waiting for an answer.
            reply = null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // The body ended before the closing boundary, or its part headers broke the multipart limits.
            reply = Error(OssError.Malformed(), requestId);
        }
#pragma warning disable CA1031 // Any other failure is the emulator's own bug, answered as OSS would.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reply = Error(new OssError(500, "InternalError", "We encountered an internal error: "
                + e.GetType().Name), requestId);
        }

        // Recorded before the answer is written, so a client that has its answer also finds the record.
        emulator.Requests.Complete(Record(http.Request, sequence, receivedAt, form, reply),
            emulator.Time.GetElapsedTime(started));
        if (reply is null)
        {
            http.Abort();
            return;
        }

        await OssResponses.WriteAsync(http.Response, reply, requestId).ConfigureAwait(false);
    }

    private async Task<OssReply> ProcessAsync(HttpContext http, UploadProgress form, string requestId)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path != "/")
        {
            throw new OssException(new OssError(405, "MethodNotAllowed",
                "The specified method is not allowed against this resource."));
        }

        var (stored, grant) = await PostObjectReader.ReadAsync(http.Request, form, emulator, http.RequestAborted)
            .ConfigureAwait(false);
        if (grant.Callback is null)
        {
            return form.Field("success_action_status") switch
            {
                "200" => new OssReply(200, null, null, null, stored.ETag),
                "201" => OssResponses.PostResponse(stored, emulator.OssEndpoint),
                _ => new OssReply(204, null, null, null, stored.ETag),
            };
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

        return json is null
            ? Error(new OssError(203, "CallbackFailed", failure!), requestId, stored.ETag)
            : new OssReply(200, "application/json", json, null, stored.ETag);
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

    private OssReply Error(OssError error, string requestId, string? etag = null) =>
        OssResponses.Error(error, requestId, $"{OssBucket.Name}.{emulator.OssEndpoint.Authority}", etag);

    private static RecordedRequest Record(HttpRequest request, long sequence, DateTimeOffset receivedAt,
        UploadProgress form, OssReply? reply) =>
        HttpRecording.Describe(request, RequestTarget.Oss, sequence, receivedAt) with
    {
        StatusCode = reply?.Status ?? 0,
        ErrorCode = reply?.ErrorCode,
        FormFields = [.. form.Fields],
        FileContentDisposition = form.FileContentDisposition,
        FileContentType = form.FileContentType,
        FileLength = form.FileLength,
        FileSha256 = form.FileSha256,
    };
}
