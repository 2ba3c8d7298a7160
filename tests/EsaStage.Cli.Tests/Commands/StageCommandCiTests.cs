using System.Text.RegularExpressions;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Commands;

[TestClass]
public sealed class StageCommandCiTests
{
    private const string HostileDescription = "fix\n::error::pwned\n##vso[task.setvariable variable=CodeVersion]666";

    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("esa-ci-test-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public async Task Stage_UnderGitHubActions_WritesOutputsSummaryAndMasksBeforePrinting()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var outputFile = Path.Combine(_directory, "output");
        var summaryFile = Path.Combine(_directory, "summary.md");
        var environment = Credentials(emulator);
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_OUTPUT"] = outputFile;
        environment["GITHUB_STEP_SUMMARY"] = summaryFile;

        var run = await ToolProcess.RunAsync(StageArguments(emulator, HostileDescription), environment);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        // Workflow commands share stderr with the log, so stdout still carries only the CodeVersion.
        var codeVersion = run.Stdout.Trim();
        Assert.MatchesRegex("^[0-9]{19}$", codeVersion);
        var outputs = File.ReadAllText(outputFile);
        StringAssert.Contains(outputs, $"code-version={codeVersion}\n");
        var stderr = run.Stderr.ReplaceLineEndings("\n");
        var mask = stderr.IndexOf("::add-mask::" + emulator.AccessKeySecret + "\n", StringComparison.Ordinal);
        Assert.IsTrue(mask >= 0 && mask < stderr.IndexOf("Staging routine", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain($"::add-mask::{codeVersion}", stderr);
        Assert.IsLessThan(stderr.IndexOf("Uploaded ", StringComparison.Ordinal),
            stderr.IndexOf("::group::Stage routine hello-routine\n", StringComparison.Ordinal));
        Assert.IsGreaterThan(stderr.IndexOf("Uploaded ", StringComparison.Ordinal),
            stderr.IndexOf("::endgroup::\n", StringComparison.Ordinal));
        Assert.Contains("<code>" + codeVersion + "</code>", File.ReadAllText(summaryFile));
        AssertNoInjectedCommand(run);
    }

    [TestMethod]
    public async Task Stage_UnderAzurePipelines_SetsOutputVariables()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var environment = Credentials(emulator);
        environment["TF_BUILD"] = "True";
        environment["AGENT_TEMPDIRECTORY"] = _directory;

        var run = await ToolProcess.RunAsync(StageArguments(emulator, HostileDescription), environment);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var codeVersion = emulator.State.GetRoutine("hello-routine")!.StagingCode!.CodeVersion;
        var stdout = run.Stdout.ReplaceLineEndings("\n");
        Assert.Contains($"##vso[task.setvariable variable=CodeVersion]{codeVersion}\n", stdout);
        Assert.Contains($"##vso[task.setvariable variable=CodeVersion;isoutput=true]{codeVersion}\n", stdout);
        Assert.Contains("##vso[task.setsecret]" + emulator.AccessKeySecret, run.Stdout);
        Assert.Contains("##vso[task.uploadsummary]" + _directory, run.Stdout);
        AssertNoInjectedCommand(run);
    }

    [TestMethod]
    public async Task Stage_FailingUnderAzurePipelines_LogsOneIssueWithTheFileAndSetsNoVariable()
    {
        var missing = Path.Combine(_directory, "worker.js");

        var run = await ToolProcess.RunAsync(["stage", "--emulator", "--name", "hello-routine", "--code", missing],
            new Dictionary<string, string> { ["TF_BUILD"] = "True" });

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        var issues = run.Stdout.Split('\n').Where(l => l.StartsWith("##vso[task.logissue", StringComparison.Ordinal));
        Assert.AreEqual(
            $"##vso[task.logissue type=error;code=ESA1002;sourcepath={missing}]ESA1002: The code file '{missing}' " +
            "does not exist. Build the routine first, or fix the path.",
            issues.Single().TrimEnd('\r'));
        Assert.DoesNotContain("task.setvariable", run.Stdout);
    }

    [TestMethod]
    public async Task Stage_WithOidcRole_MasksTheTokenBeforeStagingAndLeavesNoTokenFile()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9jdG8vc2l0ZSJ9.c2ln";
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        await using var actions = await LoopbackServer.StartAsync(_ => new(200, $$"""{"value":"{{jwt}}"}"""));
        var environment = Credentials(emulator);
        environment["GITHUB_ACTIONS"] = "true";
        environment["RUNNER_TEMP"] = _directory;
        environment["ACTIONS_ID_TOKEN_REQUEST_URL"] = actions.BaseAddress + "_apis/token?api-version=2.0";
        environment["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token";

        var run = await ToolProcess.RunAsync([.. StageArguments(emulator, "oidc"), .. OidcArguments], environment);

        // The AccessKey in the environment comes first in the credentials chain, which the tool warns about.
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("?api-version=2.0&audience=sts.aliyuncs.com", actions.Requests.Single().Query);
        var stderr = run.Stderr.ReplaceLineEndings("\n");
        Assert.IsLessThan(stderr.IndexOf("Staging routine", StringComparison.Ordinal),
            stderr.IndexOf("::add-mask::" + jwt + "\n", StringComparison.Ordinal));
        Assert.AreEqual(1, Regex.Count(stderr, Regex.Escape(jwt)), stderr);
        Assert.Contains("::warning title=ESA4102::", stderr);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_directory));
    }

    [TestMethod]
    public async Task Stage_WithOidcRoleButNoIdTokenPermission_FailsBeforeAnyRequest()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });

        var run = await ToolProcess.RunAsync([.. StageArguments(emulator, "oidc"), .. OidcArguments],
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.Contains("::error title=ESA1122::", run.Stderr);
        Assert.Contains("permissions: id-token: write", run.Stderr);
        Assert.IsEmpty(emulator.Requests);
    }

    private static string[] OidcArguments =>
        ["--role-arn", "acs:ram::1234567890123456:role/deployer",
            "--oidc-provider-arn", "acs:ram::1234567890123456:oidc-provider/github"];

    private static void AssertNoInjectedCommand(ToolRun run)
    {
        foreach (var line in (run.Stdout + "\n" + run.Stderr).Split('\n'))
        {
            Assert.IsFalse(Regex.IsMatch(line.TrimStart(), "^::error::pwned"), line);
            Assert.DoesNotContain("##vso[task.setvariable variable=CodeVersion]666", line);
        }
    }

    private static string[] StageArguments(EsaEmulator emulator, string description) =>
        ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
            RepositoryPaths.SampleCode, "--description", description, "--verbosity", "Detailed"];

    private static Dictionary<string, string> Credentials(EsaEmulator emulator) => new()
    {
        ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId,
        ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret,
    };
}
