using System.Text.Json.Serialization;

namespace EsaStage.Emulator.State;

/// <summary>An immutable picture of one routine at one moment.</summary>
/// <param name="Name">The routine name.</param>
/// <param name="Description">The routine description, as given to <c>CreateRoutine</c>.</param>
/// <param name="CreateTime">When the routine was created.</param>
/// <param name="DefaultRelatedRecord">The default domain, <c>&lt;name&gt;.&lt;hex&gt;.er.aliyun-esa.net</c>.</param>
/// <param name="StagingCode">The staging code; <see langword="null"/> before the first registered upload.</param>
/// <param name="CodeVersions">The code versions, oldest first.</param>
/// <param name="Deployments">What is published to each environment.</param>
public sealed record RoutineSnapshot(
    string Name,
    string Description,
    DateTimeOffset CreateTime,
    string DefaultRelatedRecord,
    StagingCodeSnapshot? StagingCode,
    IReadOnlyList<CodeVersionSnapshot> CodeVersions,
    IReadOnlyList<DeploymentSnapshot> Deployments)
{
    /// <summary>Gets the deployed CodeVersion of each environment (<c>staging</c>, <c>production</c>).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Envs =>
        Deployments.ToDictionary(d => d.Env, d => d.CodeVersion, StringComparer.Ordinal);

    /// <summary>Finds a code version.</summary>
    /// <param name="codeVersion">The version to find.</param>
    /// <returns>The version, or <see langword="null"/> when the routine has no such version.</returns>
    public CodeVersionSnapshot? FindVersion(string codeVersion) =>
        CodeVersions.FirstOrDefault(v => string.Equals(v.CodeVersion, codeVersion, StringComparison.Ordinal));
}
