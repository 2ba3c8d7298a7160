using System.Text;
using System.Text.Json;
using EsaStage.Core.Signing;
using EsaStage.Emulator.Hosting;
using EsaStage.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Esa;

/// <summary>
/// ESA's receiver of OSS upload callbacks (<c>POST /_oss/callback</c>): it registers an uploaded object as the
/// routine's staging code and as a code version under the CodeVersion issued with the form.
/// </summary>
/// <remarks>
/// Real OSS signs callbacks with RSA and ESA checks that; the emulator does not model it, so this endpoint is
/// unsigned. It trusts only what it can look up itself: the pending form by object key, and the stored object.
/// </remarks>
internal sealed class UploadCallbackReceiver(EmulatorContext emulator)
{
    public async Task HandleAsync(HttpContext http)
    {
        var sequence = emulator.Requests.Begin();
        var receivedAt = emulator.Time.GetUtcNow();
        var started = emulator.Time.GetTimestamp();
        var request = http.Request;
        byte[] body = [];
        IReadOnlyList<KeyValuePair<string, string>> parameters = [];
        EsaError? error = null;
        var answered = false;
        try
        {
            body = await HttpBodies.ReadAsync(request, 64 * 1024, http.RequestAborted).ConfigureAwait(false);
            parameters = FormUrlEncoding.Decode(Encoding.UTF8.GetString(body));
            error = HttpMethods.IsPost(request.Method)
                ? Register(parameters)
                : EsaError.BadRequest("UnsupportedHTTPMethod", "The callback must be a POST.");
            answered = true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OperationCanceledException)
        {
            answered = false;
        }

        var status = answered ? error?.HttpStatus ?? 200 : 0;
        emulator.Requests.Complete(HttpRecording.Describe(request, RequestTarget.Callback, sequence, receivedAt) with
        {
            StatusCode = status,
            ErrorCode = error?.Code,
            Body = body,
            Parameters = parameters,
        }, emulator.Time.GetElapsedTime(started));

        if (!answered)
        {
            http.Abort();
            return;
        }

        var json = EsaResponses.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("Status", error is null ? "OK" : "Error");
            if (error is not null)
            {
                w.WriteString("Code", error.Code);
                w.WriteString("Message", error.Message);
            }

            w.WriteEndObject();
        });
        await EsaResponses.WriteAsync(http.Response, status, RandomText.EsaRequestId(), json).ConfigureAwait(false);
    }

    private EsaError? Register(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        string? Get(string name) => parameters.FirstOrDefault(p => p.Key == name).Value;

        var key = Get("object") ?? string.Empty;
        var now = emulator.Time.GetUtcNow();
        var pending = emulator.State.PendingUploads.Take(key, now);
        var stored = emulator.Bucket.Find(key);
        if (pending is null || stored is null)
        {
            return EsaError.BadRequest("InvalidParameter.Object",
                $"No pending upload matches the object \"{key}\"; it is unknown or its form expired.");
        }

        var description = DecodeDescription(Get("codeDescription")) ?? pending.Description;
        try
        {
            emulator.State.Update(pending.Routine, routine =>
            {
                StagingOperations.EnsureQuota(emulator.State, routine);
                var version = new CodeVersionSnapshot(pending.CodeVersion, description, now, stored.Length,
                    stored.Sha256, "Available", CodeVersionOrigin.StagingUpload);
                var staging = new StagingCodeSnapshot(pending.CodeVersion, description, now, stored.Length,
                    stored.Sha256);
                return (routine with { StagingCode = staging, CodeVersions = [.. routine.CodeVersions, version] },
                    true);
            });
            return null;
        }
        catch (EsaException e)
        {
            emulator.State.PendingUploads.Restore(pending);
            return e.Error;
        }
    }

    /// <summary>Decodes <c>x:codeDescription</c>: base64 of the UTF-8 JSON string of the description.</summary>
    private static string? DecodeDescription(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
