using System.Text.Json;
using EsaStage.Emulator.Esa;
using EsaStage.Emulator.State;

namespace EsaStage.Emulator.Admin;

/// <summary>The JSON shapes of the admin API.</summary>
internal static class AdminJson
{
    public static void WriteRoutine(Utf8JsonWriter w, RoutineSnapshot routine)
    {
        w.WriteStartObject();
        w.WriteString("Name", routine.Name);
        w.WriteString("Description", routine.Description);
        w.WriteString("CreateTime", EsaFormat.Time(routine.CreateTime));
        w.WriteString("DefaultRelatedRecord", routine.DefaultRelatedRecord);
        if (routine.StagingCode is { } staging)
        {
            w.WriteStartObject("StagingCode");
            w.WriteString("CodeVersion", staging.CodeVersion);
            w.WriteString("Description", staging.Description);
            w.WriteString("UploadTime", EsaFormat.Time(staging.UploadTime));
            w.WriteNumber("Length", staging.Length);
            w.WriteString("Sha256", staging.Sha256);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("StagingCode");
        }

        w.WriteStartArray("CodeVersions");
        foreach (var version in routine.CodeVersions)
        {
            w.WriteStartObject();
            w.WriteString("CodeVersion", version.CodeVersion);
            w.WriteString("Description", version.Description);
            w.WriteString("CreateTime", EsaFormat.Time(version.CreateTime));
            w.WriteNumber("Length", version.Length);
            w.WriteString("Sha256", version.Sha256);
            w.WriteString("Status", version.Status);
            w.WriteString("Origin", version.Origin.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("Envs");
        foreach (var env in new[] { "staging", "production" })
        {
            if (routine.Envs.TryGetValue(env, out var deployed))
            {
                w.WriteString(env, deployed);
            }
            else
            {
                w.WriteNull(env);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteRequest(Utf8JsonWriter w, RecordedRequest request)
    {
        w.WriteStartObject();
        w.WriteNumber("Sequence", request.Sequence);
        w.WriteString("Target", request.Target.ToString());
        w.WriteString("Method", request.Method);
        w.WriteString("Path", request.Path);
        w.WriteString("Action", request.Action);
        w.WriteNumber("StatusCode", request.StatusCode);
        w.WriteString("ErrorCode", request.ErrorCode);
        if (request.ContentLength is { } length)
        {
            w.WriteNumber("ContentLength", length);
        }
        else
        {
            w.WriteNull("ContentLength");
        }

        w.WriteBoolean("IsChunked", request.IsChunked);
        w.WriteStartArray("FormFieldNames");
        foreach (var field in request.FormFields)
        {
            w.WriteStringValue(field.Key);
        }

        w.WriteEndArray();
        if (request.FileLength is { } fileLength)
        {
            w.WriteNumber("FileLength", fileLength);
            w.WriteString("FileSha256", request.FileSha256);
        }

        w.WriteEndObject();
    }
}
