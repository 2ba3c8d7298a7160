using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Hosting;
using EsaStage.Emulator.State;
using Microsoft.AspNetCore.Http;
using EsaStage.Core.Staging;

namespace EsaStage.Emulator.Admin;

/// <summary>
/// The unsigned admin API under <c>/_emulator/</c> on the ESA port, for tests and scripts outside the process.
/// </summary>
/// <remarks>
/// It is unsigned on purpose: it exists for local tooling, and the emulator listens on loopback only. See the
/// emulator's README for the routes.
/// </remarks>
internal sealed class AdminApiHandler(EmulatorContext emulator)
{
    public const string Prefix = "/_emulator/";

    public async Task HandleAsync(HttpContext http)
    {
        var sequence = emulator.Requests.Begin();
        var receivedAt = emulator.Time.GetUtcNow();
        var started = emulator.Time.GetTimestamp();
        var request = http.Request;
        byte[] body = [];
        var recorded = 0;
        void Record(int status)
        {
            // Once only: when the answer starts (so a client that has it also finds the record), or at the end.
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                var described = HttpRecording.Describe(request, RequestTarget.Admin, sequence, receivedAt);
                emulator.Requests.Complete(described with
                {
                    StatusCode = status,
                    Body = body,
                }, emulator.Time.GetElapsedTime(started));
            }
        }

        http.Response.OnStarting(() =>
        {
            Record(http.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            body = await HttpBodies.ReadAsync(request, 1024 * 1024, http.RequestAborted).ConfigureAwait(false);
            Record(await RouteAsync(http, body).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OperationCanceledException)
        {
            Record(0);
        }
    }

    private Task<int> RouteAsync(HttpContext http, byte[] body)
    {
        var segments = (http.Request.Path.Value ?? string.Empty)[Prefix.Length..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .ToArray();
        var method = http.Request.Method;
        var state = emulator.State;
        return (method, segments) switch
        {
            ("GET", ["routines"]) => JsonAsync(http, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("Routines");
                foreach (var routine in state.GetRoutines())
                {
                    AdminJson.WriteRoutine(w, routine);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }),
            ("POST", ["routines"]) => CreateRoutineAsync(http),
            ("GET", ["routines", var name]) => state.GetRoutine(name) is { } routine
                ? JsonAsync(http, 200, w => AdminJson.WriteRoutine(w, routine))
                : NotFoundAsync(http, $"The routine \"{name}\" does not exist."),
            ("GET", ["routines", var name, "code"]) => CodeAsync(http, state.GetStagingCode(name)),
            ("GET", ["routines", var name, "versions", var version, "code"]) =>
                CodeAsync(http, state.GetCodeVersionCode(name, version)),
            ("POST", ["faults"]) => AddFaultAsync(http, body),
            ("DELETE", ["faults"]) => ClearFaultsAsync(http),
            ("POST", ["credentials", "temporary"]) => IssueCredentialAsync(http),
            ("GET", ["requests"]) => JsonAsync(http, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("Requests");
                foreach (var recorded in emulator.Requests.Snapshot())
                {
                    AdminJson.WriteRequest(w, recorded);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }),
            _ => NotFoundAsync(http, $"No admin route {method} {http.Request.Path}."),
        };
    }

    private Task<int> CreateRoutineAsync(HttpContext http)
    {
        var name = http.Request.Query["name"].FirstOrDefault();
        if (!RoutineNames.IsValid(name))
        {
            return ErrorAsync(http, 400, "InvalidParameter.Name", $"\"{name}\" is not a valid routine name.");
        }

        var routine = emulator.State.TryCreateRoutine(name!, http.Request.Query["description"].FirstOrDefault() ?? "");
        return routine is null
            ? ErrorAsync(http, 409, "RoutineNameAlreadyExist", $"The routine \"{name}\" already exists.")
            : JsonAsync(http, 201, w => AdminJson.WriteRoutine(w, routine));
    }

    private Task<int> AddFaultAsync(HttpContext http, byte[] body)
    {
        try
        {
            FaultCommand.Apply(emulator.Faults, body);
            return NoContentAsync(http);
        }
        catch (FormatException e)
        {
            return ErrorAsync(http, 400, "InvalidFault", e.Message);
        }
    }

    private Task<int> ClearFaultsAsync(HttpContext http)
    {
        emulator.Faults.Clear();
        return NoContentAsync(http);
    }

    private Task<int> IssueCredentialAsync(HttpContext http)
    {
        var credential = emulator.IssueTemporaryCredential();
        return JsonAsync(http, 201, w =>
        {
            w.WriteStartObject();
            w.WriteString("AccessKeyId", credential.AccessKeyId);
            w.WriteString("AccessKeySecret", credential.AccessKeySecret);
            w.WriteString("SecurityToken", credential.SecurityToken);
            w.WriteEndObject();
        });
    }

    private static async Task<int> CodeAsync(HttpContext http, byte[]? code)
    {
        if (code is null)
        {
            return await NotFoundAsync(http, "No such routine, version or staging code.").ConfigureAwait(false);
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/javascript";
        http.Response.ContentLength = code.Length;
        await http.Response.Body.WriteAsync(code).ConfigureAwait(false);
        return 200;
    }

    private static Task<int> NoContentAsync(HttpContext http)
    {
        http.Response.StatusCode = 204;
        return Task.FromResult(204);
    }

    private static Task<int> NotFoundAsync(HttpContext http, string message) =>
        ErrorAsync(http, 404, "NotFound", message);

    private static Task<int> ErrorAsync(HttpContext http, int status, string code, string message) =>
        JsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("Code", code);
            w.WriteString("Message", message);
            w.WriteEndObject();
        });

    private static async Task<int> JsonAsync(HttpContext http, int status,
        Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var body = EsaResponses.Json(write);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body).ConfigureAwait(false);
        return status;
    }
}
