using System.Text;
using System.Text.Json;
using EsaStage.Emulator.State;
using EsaStage.Core.Staging;

namespace EsaStage.Emulator.Esa;

/// <summary>Routine and version housekeeping: read, create, list and delete.</summary>
internal static class RoutineOperations
{
    private static readonly string[] Environments = ["staging", "production"];

    /// <summary><c>GetRoutine{Name}</c>, in the current SDK's shape (<c>Envs[].CodeDeploy</c>).</summary>
    public static Action<Utf8JsonWriter> GetRoutine(EsaCall call)
    {
        var name = call.Required("Name");
        var routine = call.Emulator.State.GetRoutine(name)
            ?? throw new EsaException(EsaError.RoutineNotExist(name));
        return w =>
        {
            w.WriteString("CreateTime", EsaFormat.Time(routine.CreateTime));
            w.WriteString("Description", Convert.ToBase64String(Encoding.UTF8.GetBytes(routine.Description)));
            w.WriteString("DefaultRelatedRecord", routine.DefaultRelatedRecord);
            w.WriteBoolean("HasAssets", false);
            w.WriteStartArray("Envs");
            foreach (var env in Environments)
            {
                WriteEnv(w, routine, env);
            }

            w.WriteEndArray();
        };
    }

    /// <summary><c>CreateRoutine{Name, Description?}</c>.</summary>
    public static Action<Utf8JsonWriter> CreateRoutine(EsaCall call)
    {
        var name = call.Required("Name");
        if (!RoutineNames.IsValid(name))
        {
            throw new EsaException(EsaError.BadRequest("InvalidParameter.Name",
                "The routine name must be 2 to 63 lowercase letters, digits or hyphens, start with a letter and "
                + "not end with a hyphen."));
        }

        _ = call.Emulator.State.TryCreateRoutine(name, call.Optional("Description") ?? string.Empty)
            ?? throw new EsaException(EsaError.BadRequest("RoutineNameAlreadyExist",
                $"The routine name \"{name}\" already exists."));
        return w => w.WriteString("Status", "OK");
    }

    /// <summary>
    /// <c>ListRoutineCodeVersions{Name, PageNumber?, PageSize?}</c>: newest first, led by the pseudo-version
    /// <c>unstable</c> when staging code exists, as real lists are.
    /// </summary>
    public static Action<Utf8JsonWriter> ListCodeVersions(EsaCall call)
    {
        var name = call.Required("Name");
        var pageNumber = call.OptionalInt("PageNumber", 1, 1, 10_000);
        var pageSize = call.OptionalInt("PageSize", 20, 1, 20);
        var search = call.Optional("SearchKeyWord");
        var routine = call.Emulator.State.GetRoutine(name)
            ?? throw new EsaException(EsaError.RoutineNotExist(name));

        var entries = new List<(string Version, string Description, DateTimeOffset Created)>();
        if (routine.StagingCode is { } staging)
        {
            entries.Add(("unstable", staging.Description, staging.UploadTime));
        }

        entries.AddRange(routine.CodeVersions
            .OrderByDescending(v => v.CreateTime)
            .ThenByDescending(v => v.CodeVersion, StringComparer.Ordinal)
            .Select(v => (v.CodeVersion, v.Description, v.CreateTime)));
        if (!string.IsNullOrEmpty(search))
        {
            entries.RemoveAll(e => !e.Version.Contains(search, StringComparison.Ordinal)
                && !e.Description.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        var page = entries.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToList();
        return w =>
        {
            w.WriteNumber("TotalCount", entries.Count);
            w.WriteNumber("PageNumber", pageNumber);
            w.WriteNumber("PageSize", pageSize);
            w.WriteStartArray("CodeVersions");
            foreach (var (version, description, created) in page)
            {
                w.WriteStartObject();
                w.WriteString("CodeVersion", version);
                w.WriteString("CodeDescription", description);
                w.WriteString("CreateTime", EsaFormat.Time(created));
                w.WriteString("Status", "Available");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        };
    }

    /// <summary><c>DeleteRoutineCodeVersion{Name, CodeVersion}</c>; a deployed version cannot be deleted.</summary>
    public static Action<Utf8JsonWriter> DeleteCodeVersion(EsaCall call)
    {
        var name = call.Required("Name");
        var codeVersion = call.Required("CodeVersion");
        call.Emulator.State.Update(name, routine =>
        {
            var version = routine.FindVersion(codeVersion)
                ?? throw new EsaException(StagingOperations.UnknownVersion(name, codeVersion));
            if (routine.Deployments.FirstOrDefault(d => d.CodeVersion == codeVersion) is { } deployment)
            {
                throw new EsaException(EsaError.BadRequest("CodeVersionInUse",
                    $"The code version \"{codeVersion}\" is deployed to {deployment.Env} and cannot be deleted."));
            }

            return (routine with { CodeVersions = [.. routine.CodeVersions.Where(v => v != version)] }, true);
        });

        return w => w.WriteString("Status", "OK");
    }

    /// <summary><c>GetErService</c>: the ESA CLI's credential check; the service is always running here.</summary>
    public static Action<Utf8JsonWriter> GetErService(EsaCall call) => w => w.WriteString("Status", "Running");

    private static void WriteEnv(Utf8JsonWriter w, RoutineSnapshot routine, string env)
    {
        var deployment = routine.Deployments.FirstOrDefault(d => d.Env == env);
        var version = deployment is null ? null : routine.FindVersion(deployment.CodeVersion);
        w.WriteStartObject();
        w.WriteString("Env", env);
        w.WriteStartObject("CodeDeploy");
        w.WriteString("DeployId", deployment?.DeployId ?? string.Empty);
        w.WriteString("CreationTime", deployment is null ? string.Empty : EsaFormat.Time(deployment.CreationTime));
        w.WriteString("Strategy", "percentage");
        w.WriteStartArray("CodeVersions");
        if (deployment is not null)
        {
            w.WriteStartObject();
            w.WriteString("CodeVersion", deployment.CodeVersion);
            w.WriteNumber("Percentage", 100);
            w.WriteString("Description", version?.Description ?? string.Empty);
            w.WriteString("CreateTime", version is null ? string.Empty : EsaFormat.Time(version.CreateTime));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
