using System.Text.Json;
using EsaStage.Emulator.Oss;
using EsaStage.Emulator.State;

namespace EsaStage.Emulator.Esa;

/// <summary>The staging flow: issue an upload form, commit the staging code, publish a version.</summary>
internal static class StagingOperations
{
    /// <summary>How long after a form expires its callback is still accepted (an upload may be under way).</summary>
    private static readonly TimeSpan CallbackGrace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>GetRoutineStagingCodeUploadInfo{Name, CodeDescription?}</c>: allocates a CodeVersion and signs a form.
    /// </summary>
    /// <remarks>
    /// The version is only reserved here; it becomes a code version when the upload's callback arrives, so a form
    /// that is never used spends nothing. The quota is checked here and again at the callback.
    /// </remarks>
    public static Action<Utf8JsonWriter> GetUploadInfo(EsaCall call)
    {
        var name = call.Required("Name");
        var description = call.Optional("CodeDescription") ?? string.Empty;
        var emulator = call.Emulator;
        var now = emulator.Time.GetUtcNow();
        var codeVersion = emulator.State.Update(name, routine =>
        {
            EnsureQuota(emulator.State, routine);
            return (routine, emulator.State.Versions.Next(now));
        });

        var key = UploadFormIssuer.ObjectKey(name, codeVersion);
        var expiration = now + emulator.Faults.PolicyLifetime;
        emulator.State.PendingUploads.Add(new PendingUpload(name, codeVersion, key, description,
            expiration + CallbackGrace));
        var fields = UploadFormIssuer.Issue(emulator, key, description, expiration);
        return w =>
        {
            w.WriteString("CodeVersion", codeVersion);
            w.WriteStartObject("OssPostConfig");
            foreach (var (field, value) in fields)
            {
                w.WriteString(field, value);
            }

            w.WriteEndObject();
        };
    }

    /// <summary><c>CommitRoutineStagingCode{Name, CodeDescription?}</c>: a version from the staging code.</summary>
    public static Action<Utf8JsonWriter> Commit(EsaCall call)
    {
        var name = call.Required("Name");
        var description = call.Optional("CodeDescription");
        var state = call.Emulator.State;
        var now = call.Emulator.Time.GetUtcNow();
        var codeVersion = state.Update(name, routine =>
        {
            var staging = routine.StagingCode ?? throw new EsaException(EsaError.BadRequest("InvalidParameter",
                $"The routine \"{name}\" has no staging code to commit (no staging code); upload code first."));
            EnsureQuota(state, routine);
            var version = new CodeVersionSnapshot(state.Versions.Next(now), description ?? staging.Description, now,
                staging.Length, staging.Sha256, "Available", CodeVersionOrigin.Commit);
            return (routine with { CodeVersions = [.. routine.CodeVersions, version] }, version.CodeVersion);
        });

        return w => w.WriteString("CodeVersion", codeVersion);
    }

    /// <summary><c>PublishRoutineCodeVersion{Name, Env, CodeVersion}</c>: deploys a version to an env.</summary>
    public static Action<Utf8JsonWriter> Publish(EsaCall call)
    {
        var name = call.Required("Name");
        var env = call.Required("Env");
        var codeVersion = call.Required("CodeVersion");
        if (env is not ("staging" or "production"))
        {
            throw new EsaException(EsaError.BadRequest("InvalidParameter.Env",
                $"The environment \"{env}\" is not valid; use staging or production."));
        }

        var now = call.Emulator.Time.GetUtcNow();
        call.Emulator.State.Update(name, routine =>
        {
            _ = routine.FindVersion(codeVersion) ?? throw new EsaException(UnknownVersion(name, codeVersion));
            var deployment = new DeploymentSnapshot(env, codeVersion, Hosting.RandomText.Digits(16), now);
            return (routine with
            {
                Deployments = [.. routine.Deployments.Where(d => d.Env != env), deployment],
            }, true);
        });

        return w => w.WriteString("CodeVersion", codeVersion);
    }

    public static EsaError UnknownVersion(string name, string codeVersion) =>
        EsaError.BadRequest("InvalidParameter.CodeVersion",
            $"The code version \"{codeVersion}\" does not exist in the routine \"{name}\".");

    public static void EnsureQuota(EmulatorState state, RoutineSnapshot routine)
    {
        if (routine.CodeVersions.Count >= state.MaxCodeVersions)
        {
            throw new EsaException(EsaError.CodeVersionQuotaExceeded());
        }
    }
}
