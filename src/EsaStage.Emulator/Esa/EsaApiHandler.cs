using System.Text;
using EsaStage.Core.Signing;
using EsaStage.Emulator.Faults;
using EsaStage.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Esa;

/// <summary>
/// The ESA OpenAPI: RPC requests with <c>x-acs-action</c> and <c>x-acs-version</c>, parameters in the query and/or
/// a urlencoded body, verified with ACS3-HMAC-SHA256 from the raw request, answered with ESA-shaped JSON.
/// </summary>
internal sealed class EsaApiHandler(EmulatorContext emulator)
{
    /// <summary>The largest API body read; real parameters are a few hundred bytes.</summary>
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var sequence = emulator.Requests.Begin();
        var receivedAt = emulator.Time.GetUtcNow();
        var started = emulator.Time.GetTimestamp();
        var request = http.Request;
        var requestId = RandomText.EsaRequestId();
        var action = request.Headers["x-acs-action"].FirstOrDefault();
        byte[] body = [];
        IReadOnlyList<KeyValuePair<string, string>> parameters = [];
        (int Status, EsaAnswer Answer)? reply = null;
        try
        {
            body = await HttpBodies.ReadAsync(request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
            var query = FormUrlEncoding.Decode(HttpRecording.RawQuery(request));
            parameters = IsForm(request.ContentType)
                ? [.. query, .. FormUrlEncoding.Decode(Encoding.UTF8.GetString(body))]
                : query;

            if (emulator.Faults.TakeDelay(FaultTarget.Esa) is { } delay)
            {
                await emulator.DelayAsync(delay, http.RequestAborted).ConfigureAwait(false);
            }

            if (!emulator.Faults.TakeDrop(FaultTarget.Esa))
            {
                reply = Handle(http, action, query, body, parameters, requestId);
            }
        }
        catch (InvalidDataException e)
        {
            reply = Fail(EsaError.BadRequest("InvalidParameter", e.Message), requestId);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException
            && (http.RequestAborted.IsCancellationRequested || emulator.Stopping.IsCancellationRequested))
        {
            // The client went away, or the emulator is stopping: nobody is waiting for an answer.
            reply = null;
        }

        // Recorded before the answer is written, so a client that has its answer also finds the record.
        emulator.Requests.Complete(HttpRecording.Describe(request, RequestTarget.Esa, sequence, receivedAt) with
        {
            StatusCode = reply?.Status ?? 0,
            ErrorCode = reply?.Answer.ErrorCode,
            Body = body,
            Action = action,
            Parameters = parameters,
        }, emulator.Time.GetElapsedTime(started));

        if (reply is not { } answer)
        {
            http.Abort();
            return;
        }

        if (answer.Answer.RetryAfter is not null)
        {
            http.Response.Headers["x-acs-retry-after"] = answer.Answer.RetryAfter;
        }

        await EsaResponses.WriteAsync(http.Response, answer.Status, requestId, answer.Answer.Body,
            emulator.Time)
            .ConfigureAwait(false);
    }

    private (int Status, EsaAnswer Answer) Handle(HttpContext http, string? action,
        IReadOnlyList<KeyValuePair<string, string>> query, byte[] body,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string requestId)
    {
        try
        {
            if (emulator.Faults.TakeEsaError(action) is { } fault)
            {
                return Fail(new EsaError(fault.HttpStatus, fault.Code, fault.Message), requestId, fault.RetryAfter);
            }

            var request = http.Request;
            var verification = Acs3RequestVerifier.Verify(request.Method, request.Path.Value ?? "/", query,
                HttpRecording.Headers(request), body, emulator.FindCredential, emulator.Time.GetUtcNow(),
                emulator.Nonces);
            if (verification.Error is { } refused)
            {
                return Fail(refused, requestId);
            }

            var version = request.Headers["x-acs-version"].FirstOrDefault();
            if (!string.Equals(version, EsaFormat.ApiVersion, StringComparison.Ordinal))
            {
                return Fail(EsaError.BadRequest("InvalidVersion",
                    $"Specified parameter Version \"{version}\" is not valid; ESA serves {EsaFormat.ApiVersion}."),
                    requestId);
            }

            var operation = EsaOperations.Find(action ?? string.Empty);
            if (operation is null)
            {
                return Fail(EsaError.BadRequest("InvalidAction.NotFound",
                    $"Specified api \"{action}\" is not found, please check your url and method."), requestId);
            }

            var writeFields = operation(new EsaCall(emulator, action!, parameters));
            return (200, new EsaAnswer(EsaResponses.Result(requestId, writeFields), null, null));
        }
        catch (EsaException e)
        {
            return Fail(e.Error, requestId);
        }
#pragma warning disable CA1031 // Any other failure is the emulator's own bug, answered as the service would.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(new EsaError(500, "InternalError",
                "The request processing has failed due to some unknown error: " + e.GetType().Name), requestId);
        }
    }

    private (int Status, EsaAnswer Answer) Fail(EsaError error, string requestId, string? retryAfter = null) =>
        (error.HttpStatus, new EsaAnswer(EsaResponses.Error(requestId, emulator.Endpoint.Authority, error),
            error.Code, retryAfter));

    private static bool IsForm(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(FormUrlEncoding.ContentType, StringComparison.OrdinalIgnoreCase);
}
