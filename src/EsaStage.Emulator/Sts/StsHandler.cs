using System.Text;
using EsaStage.Core.Signing;
using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Emulator.Sts;

/// <summary>
/// STS (2015-04-01) on its own port: <c>AssumeRole</c>, verified with the V2 RPC signature (HMAC-SHA1) over the
/// query and form parameters together, and <c>AssumeRoleWithOIDC</c>, which is anonymous. Both issue temporary
/// credentials that the ESA API accepts until they expire.
/// </summary>
internal sealed class StsHandler(EmulatorContext emulator)
{
    private const int MaxBodyBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var sequence = emulator.Requests.Begin();
        var receivedAt = emulator.Time.GetUtcNow();
        var started = emulator.Time.GetTimestamp();
        var request = http.Request;
        var requestId = RandomText.EsaRequestId();
        byte[] body = [];
        IReadOnlyList<KeyValuePair<string, string>> parameters = [];
        (int Status, byte[] Body, string? Code) reply;
        try
        {
            body = await HttpBodies.ReadAsync(request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
            var query = FormUrlEncoding.Decode(HttpRecording.RawQuery(request));
            parameters = request.ContentType?.StartsWith(FormUrlEncoding.ContentType,
                StringComparison.OrdinalIgnoreCase) == true
                ? [.. query, .. FormUrlEncoding.Decode(Encoding.UTF8.GetString(body))]
                : query;
            reply = Answer(request.Method, parameters, requestId);
        }
        catch (InvalidDataException e)
        {
            reply = Fail(EsaError.BadRequest("InvalidParameter", e.Message), requestId);
        }

        var action = parameters.FirstOrDefault(p => p.Key == "Action").Value;
        emulator.Requests.Complete(HttpRecording.Describe(request, RequestTarget.Sts, sequence, receivedAt) with
        {
            StatusCode = reply.Status,
            ErrorCode = reply.Code,
            Body = body,
            Action = action,
            Parameters = parameters,
        }, emulator.Time.GetElapsedTime(started));

        await EsaResponses.WriteAsync(http.Response, reply.Status, requestId, reply.Body, emulator.Time)
            .ConfigureAwait(false);
    }

    private (int Status, byte[] Body, string? Code) Answer(string method,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string requestId)
    {
        try
        {
            var call = new StsCall(emulator, parameters);
            var version = call.Optional("Version");
            if (version != StsOperations.ApiVersion)
            {
                throw new EsaException(EsaError.BadRequest("InvalidVersion",
                    $"Specified parameter Version \"{version}\" is not valid; STS serves {StsOperations.ApiVersion}."));
            }

            var writeFields = call.Optional("Action") switch
            {
                "AssumeRole" => Verified(method, call),
                "AssumeRoleWithOIDC" => StsOperations.AssumeRoleWithOidc(call),
                var other => throw new EsaException(EsaError.BadRequest("InvalidAction.NotFound",
                    $"Specified api \"{other}\" is not found, please check your url and method.")),
            };
            return (200, EsaResponses.Result(requestId, writeFields), null);
        }
        catch (EsaException e)
        {
            return Fail(e.Error, requestId);
        }
    }

    private Action<System.Text.Json.Utf8JsonWriter> Verified(string method, StsCall call)
    {
        RpcV2RequestVerifier.Verify(method, call, emulator);
        return StsOperations.AssumeRole(call);
    }

    private (int Status, byte[] Body, string? Code) Fail(EsaError error, string requestId) =>
        (error.HttpStatus, EsaResponses.Error(requestId, emulator.StsEndpoint.Authority, error), error.Code);
}
