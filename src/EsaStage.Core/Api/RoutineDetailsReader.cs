using System.Text.Json;

namespace EsaStage.Core.Api;

/// <summary>
/// Reads a <c>GetRoutine</c> answer in both shapes the service has used: <c>Envs[].CodeDeploy.CodeVersions[]</c>
/// (current) and <c>Envs[].CodeVersion</c> (older SDK models).
/// </summary>
internal static class RoutineDetailsReader
{
    public static RoutineDetails Read(string name, JsonElement root)
    {
        var environments = new List<RoutineEnvironment>();
        if (JsonFields.TryGet(root, "Envs", out var envs) && envs.ValueKind == JsonValueKind.Array)
        {
            foreach (var env in envs.EnumerateArray())
            {
                var envName = JsonFields.GetText(env, "Env");
                if (envName is not null)
                {
                    environments.Add(new RoutineEnvironment(envName, DeployedVersions(env)));
                }
            }
        }

        return new RoutineDetails(name, JsonFields.GetText(root, "DefaultRelatedRecord"), environments);
    }

    private static List<string> DeployedVersions(JsonElement env)
    {
        var versions = new List<string>();
        if (JsonFields.TryGet(env, "CodeDeploy", out var deploy)
            && JsonFields.TryGet(deploy, "CodeVersions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                Add(versions, JsonFields.GetCodeVersion(item, "CodeVersion"));
            }
        }

        Add(versions, JsonFields.GetCodeVersion(env, "CodeVersion"));
        Add(versions, JsonFields.GetCodeVersion(env, "CanaryCodeVersion"));
        return versions;
    }

    private static void Add(List<string> versions, string? version)
    {
        if (!string.IsNullOrEmpty(version) && !versions.Contains(version))
        {
            versions.Add(version);
        }
    }
}
