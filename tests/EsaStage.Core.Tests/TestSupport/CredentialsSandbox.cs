using System.Text;
using System.Text.Json;
using EsaStage.Core.Credentials;

namespace EsaStage.Core.Tests.TestSupport;

/// <summary>
/// A home folder, an environment and a log of one test's own, so that the chain never reads the real home folder
/// or process environment, and never calls the real metadata service.
/// </summary>
internal sealed class CredentialsSandbox : IDisposable
{
    /// <summary>A loopback port nothing listens on: the metadata service of a machine that is not on ECS.</summary>
    public static readonly Uri NoMetadataService = new("http://127.0.0.1:9/");

    public CredentialsSandbox()
    {
        Home = Directory.CreateTempSubdirectory("esa-credentials-test-").FullName;
        Variables["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
    }

    public string Home { get; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public RecordingStageLog Log { get; } = new();

    public CredentialChain Chain(string? profile = null, Uri? metadata = null, TimeProvider? time = null) =>
        DefaultCredentialChain.Create(new CredentialChainOptions
        {
            Profile = profile,
            Log = Log,
            HomeDirectory = Home,
            GetEnvironmentVariable = name => Variables.GetValueOrDefault(name),
            EcsMetadataEndpoint = metadata ?? NoMetadataService,
            MetadataTimeout = TimeSpan.FromSeconds(5),
            Retry = StagingHarness.FastRetry,
            TimeProvider = time,
        });

    public string WriteCliConfig(object config)
    {
        var path = Path.Combine(Home, ".aliyun", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        return path;
    }

    public string WriteSharedCredentials(string ini)
    {
        var path = Path.Combine(Home, ".alibabacloud", "credentials");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ini);
        return path;
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>An unsigned JWT as a CI system would hand out, valid for an hour.</summary>
    public static string Jwt(string subject = "repo:octo/app:ref:refs/heads/main", TimeSpan? lifetime = null)
    {
        static string Part(object value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var now = DateTimeOffset.UtcNow;
        return Part(new { alg = "RS256", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["iss"] = "https://token.actions.example",
            ["aud"] = "sts.aliyuncs.com",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromHours(1))).ToUnixTimeSeconds(),
        }) + ".c2lnbmF0dXJl";
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
