using System.Text;
using System.Text.Json;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Commands;

[TestClass]
public sealed class StageCommandCredentialsTests
{
    private string _home = null!;

    [TestInitialize]
    public void CreateHome() => _home = Directory.CreateTempSubdirectory("esa-cli-credentials-").FullName;

    [TestCleanup]
    public void DeleteHome() => Directory.Delete(_home, recursive: true);

    [TestMethod]
    public async Task Stage_NoCredentialsAnywhere_ListsEverySourceTriedAndSendsNothing()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });

        var run = await ToolProcess.RunAsync(Stage(emulator), new Dictionary<string, string> { ["HOME"] = _home });

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual(string.Empty, run.Stdout);
        Assert.MatchesRegex("^error ESA1100: No credentials found. Tried, in order: 1. environment: .*; " +
            "2. OIDC role: .*; 3. Alibaba Cloud CLI profile: .*; 4. shared credentials file: .*; " +
            "5. ECS instance RAM role: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true; 6. credentials URI: ", run.Stderr);
        Assert.Contains("3. Alibaba Cloud CLI profile: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true", run.Stderr);
        Assert.IsEmpty(emulator.Requests);
    }

    [TestMethod]
    public async Task Stage_ProfileOption_UsesThatProfileOfTheCliConfig()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        WriteCliConfig(new
        {
            current = "broken",
            profiles = new object[]
            {
                new { name = "broken", mode = "AK", access_key_id = "nobody", access_key_secret = "wrong" },
                new
                {
                    name = "deploy", mode = "AK", access_key_id = emulator.AccessKeyId,
                    access_key_secret = emulator.AccessKeySecret,
                },
            },
        });

        var run = await ToolProcess.RunAsync([.. Stage(emulator), "--profile", "deploy", "--verbosity", "Detailed"],
            new Dictionary<string, string> { ["HOME"] = _home, ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "false" });

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.Contains("Credentials: CLI profile 'deploy' (AK) in ", run.Stderr);
        Assert.DoesNotContain(emulator.AccessKeySecret, run.ToString());
    }

    [TestMethod]
    public async Task Stage_CredentialsFileVariable_UsesTheSectionAlibabaCloudProfileNames()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var file = Path.Combine(_home, "team credentials.ini");
        File.WriteAllText(file, string.Join('\n',
            "# written by the team's set-up script",
            "[default]",
            "type = access_key",
            "access_key_id = nobody",
            "access_key_secret = wrong",
            "",
            "; the account the pipeline stages with",
            "[deploy]",
            "type = access_key",
            $"access_key_id = {emulator.AccessKeyId}",
            $"access_key_secret = {emulator.AccessKeySecret}"));

        var run = await ToolProcess.RunAsync([.. Stage(emulator), "--verbosity", "Detailed"],
            new Dictionary<string, string>
            {
                ["HOME"] = _home,
                ["ALIBABA_CLOUD_CREDENTIALS_FILE"] = file,
                ["ALIBABA_CLOUD_PROFILE"] = "deploy",
            });

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.MatchesRegex("^[0-9]+\r?\n$", run.Stdout);
        Assert.Contains($"Credentials: [deploy] (access_key) in {file}.", run.Stderr);
        Assert.DoesNotContain(emulator.AccessKeySecret, run.ToString());
        var esa = emulator.Requests.First(r => r.Target == RequestTarget.Esa);
        Assert.Contains($"Credential={emulator.AccessKeyId},", Header(esa, "Authorization"));
    }

    [TestMethod]
    public async Task Stage_OidcVariablesFromACiStep_AssumesTheRoleThroughTheStsEndpoint()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var jwt = Jwt();
        var tokenFile = Path.Combine(_home, "oidc-token");
        await File.WriteAllTextAsync(tokenFile, jwt);

        var run = await ToolProcess.RunAsync([.. Stage(emulator), "--verbosity", "Detailed"],
            new Dictionary<string, string>
            {
                ["HOME"] = _home,
                ["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1234567890123456:role/deployer",
                ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1234567890123456:oidc-provider/github",
                ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = tokenFile,
                ["ALIBABA_CLOUD_ROLE_SESSION_NAME"] = "run-17",
                ["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.Authority,
            });

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.Contains("Credentials: OIDC role acs:ram::1234567890123456:role/deployer", run.Stderr);
        var sts = emulator.Requests.Single(r => r.Target == RequestTarget.Sts);
        Assert.AreEqual("run-17", sts.Parameters.Single(p => p.Key == "RoleSessionName").Value);
        var key = emulator.Requests.First(r => r.Target == RequestTarget.Esa).Headers
            .First(h => h.Key.Equals("x-acs-accesskey-id", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.StartsWith("STS.", key);
        Assert.DoesNotContain(jwt, run.ToString());
        Assert.DoesNotContain("CAIS", run.ToString());
    }

    [TestMethod]
    public async Task Stage_UnderGitHubAtDetailedVerbosity_NeverPrintsASecretOutsideAMask()
    {
        // A RAM role assumed from a CLI profile, a retried call and a retried upload: every kind of secret passes
        // through the run, and none may appear anywhere but in the runner's mask commands.
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.FailEsaRequests(1, 503, "ServiceUnavailable", "Busy.", "GetRoutineStagingCodeUploadInfo");
        emulator.Faults.DropConnections(EsaStage.Emulator.Faults.FaultTarget.Oss, 1);
        WriteCliConfig(new
        {
            current = "ci",
            profiles = new[]
            {
                new
                {
                    name = "ci", mode = "RamRoleArn", access_key_id = emulator.AccessKeyId,
                    access_key_secret = emulator.AccessKeySecret, ram_role_arn = "acs:ram::1234567890123456:role/ci",
                },
            },
        });
        var outputFile = Path.Combine(_home, "github-output");
        var summaryFile = Path.Combine(_home, "github-summary.md");

        var run = await ToolProcess.RunAsync([.. Stage(emulator), "--verbosity", "Detailed"],
            new Dictionary<string, string>
            {
                ["HOME"] = _home,
                ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "false",
                ["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.Authority,
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = outputFile,
                ["GITHUB_STEP_SUMMARY"] = summaryFile,
            });

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var upload = emulator.Requests.Last(r => r.Target == RequestTarget.Oss);
        var api = emulator.Requests.Last(r => r.Target == RequestTarget.Esa);
        var secrets = new List<string> { emulator.AccessKeySecret, Header(api, "x-acs-security-token"),
            Header(api, "Authorization") };
        secrets.AddRange(upload.FormFields.Where(f => f.Key is "Signature" or "policy" or "callback")
            .Select(f => f.Value));
        Assert.HasCount(6, secrets);
        var printed = run.Stdout + "\n" + File.ReadAllText(outputFile) + "\n" + File.ReadAllText(summaryFile) + "\n"
            + string.Join("\n", run.Stderr.ReplaceLineEndings("\n").Split('\n')
                .Where(line => !line.StartsWith("::add-mask::", StringComparison.Ordinal)));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, printed);
        }

        StringAssert.Contains(run.Stderr, "::add-mask::" + Header(api, "x-acs-security-token"));
        StringAssert.Contains(run.Stderr, "attempt 1 of 3 failed");
    }

    private static string Header(RecordedRequest request, string name) =>
        request.Headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private void WriteCliConfig(object config)
    {
        var path = Path.Combine(_home, ".aliyun", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(config));
    }

    private static string[] Stage(EsaEmulator emulator) =>
        ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
            RepositoryPaths.SampleCode];

    private static string Jwt()
    {
        static string Part(string json) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Part("{\"alg\":\"RS256\"}") + "." + Part($"{{\"sub\":\"repo:o/a\",\"exp\":{exp}}}") + ".c2lnbmF0dXJl";
    }
}
