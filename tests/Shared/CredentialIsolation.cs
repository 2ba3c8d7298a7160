namespace EsaStage.Tests.Shared;

/// <summary>
/// Variables that keep the credentials chain of a process under test away from this machine's own credentials:
/// no ECS metadata service (it is never reachable from a test, and no address outside loopback is ever a test's
/// target) and no Alibaba Cloud CLI profile.
/// </summary>
internal static class CredentialIsolation
{
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>
    {
        ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true",
        ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true",
    };

    public static void ApplyTo(IDictionary<string, string?> environment)
    {
        foreach (var (name, value) in Variables)
        {
            environment[name] = value;
        }
    }
}
