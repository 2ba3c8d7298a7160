using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Action;

/// <summary>
/// Runs <c>action.yml</c>'s steps for real with bash, the way a Linux runner does, against the emulator and a
/// loopback GitHub: the tool is installed from a freshly packed package into <c>RUNNER_TEMP</c> and called by
/// that path, with spaces in every path and no <c>~/.dotnet/tools</c> on PATH (field case F16).
/// </summary>
[TestClass]
public sealed class ActionRunTests
{
    private const string HeadSha = "0123456789abcdef0123456789abcdef01234567";

    private static string _packFolder = null!;
    private static PackedTool _tool = null!;

    private string _root = null!;
    private string _workspace = null!;
    private string _runnerTemp = null!;

    [ClassInitialize]
    public static async Task PackTheTool(TestContext context)
    {
        _packFolder = Directory.CreateTempSubdirectory("esa-action-pack-").FullName;
        _tool = await PackedTool.PackAsync(_packFolder);
    }

    [ClassCleanup]
    public static void DeleteThePack() => Directory.Delete(_packFolder, recursive: true);

    [TestInitialize]
    public void CreateRunner()
    {
        _root = Directory.CreateTempSubdirectory("esa-action-run-").FullName;
        _workspace = Directory.CreateDirectory(Path.Combine(_root, "work space")).FullName;
        _runnerTemp = Directory.CreateDirectory(Path.Combine(_root, "runner temp")).FullName;
    }

    [TestCleanup]
    public void DeleteRunner() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public async Task Action_CodeInput_InstallsThePackedToolAndStagesFromPathsWithSpaces()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var code = CopySample("my app/worker bundle.js");
        var summary = Path.Combine(_runnerTemp, "step summary.md");
        var runner = Runner(emulator);
        runner["GITHUB_STEP_SUMMARY"] = summary;

        var run = await new ActionRunner(ActionDefinition.Load(), _workspace, _runnerTemp, runner).RunAsync(
            With(emulator, new()
            {
                ["code"] = "my app/worker bundle.js",
                ["description"] = "release \"1.2\"; 50% off, $(not) `expanded`",
                ["commit"] = "true",
            }));

        Assert.IsTrue(run.Succeeded, run.ToString());
        var routine = emulator.State.GetRoutine("hello-routine")!;
        Assert.AreEqual(routine.StagingCode!.CodeVersion, run.Outputs["code-version"]);
        Assert.MatchesRegex("^[0-9]{19}$", run.Outputs["code-version"]);
        Assert.AreEqual("release \"1.2\"; 50% off, $(not) `expanded`", routine.StagingCode.Description);
        CollectionAssert.AreEqual(await File.ReadAllBytesAsync(code), emulator.State.GetStagingCode("hello-routine"));
        Assert.IsTrue(routine.CodeVersions.Any(v => v.CodeVersion == run.Outputs["committed-code-version"]));
        Assert.AreEqual(string.Empty, run.Outputs["published-environment"]);
        var result = JsonNode.Parse(run.Outputs["result-json"])!;
        Assert.AreEqual(run.Outputs["code-version"], (string?)result["codeVersion"]);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(code))),
            (string?)result["sha256"]);

        var installed = run.Steps[0].Outputs["tool"];
        Assert.AreEqual(Path.Combine(_runnerTemp, "esa-stage", _tool.Version, "esa-stage"), installed);
        Assert.IsTrue(File.Exists(installed));
        Assert.Contains(run.Outputs["code-version"], await File.ReadAllTextAsync(summary));
    }

    [TestMethod]
    public async Task Action_PullRequestRunTwice_RecordsDeploymentsAndKeepsOneComment()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        await using var github = await FakeGitHubApi.StartAsync();
        CopySample("dist/worker.js");
        var runner = Runner(emulator);
        AddPullRequest(runner, github, 5);
        var action = new ActionRunner(ActionDefinition.Load(), _workspace, _runnerTemp, runner);
        var with = With(emulator, new() { ["code"] = "dist/worker.js", ["github-token"] = "ghs_actionToken42" });

        var first = await action.RunAsync(with);
        var second = await action.RunAsync(with);

        Assert.IsTrue(first.Succeeded, first.ToString());
        Assert.IsTrue(second.Succeeded, second.ToString());
        Assert.HasCount(2, second.Steps);
        Assert.HasCount(2, github.Requests.Where(r => r.Path.EndsWith("/deployments", StringComparison.Ordinal)));
        Assert.HasCount(1, github.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/comments",
            StringComparison.Ordinal)));
        Assert.HasCount(1, github.Requests.Where(r => r.Method == "PATCH"));
        var comment = (string)github.Comments.Single()["body"]!;
        Assert.Contains($"<code>{second.Outputs["code-version"]}</code>", comment);
        Assert.AreNotEqual(first.Outputs["code-version"], second.Outputs["code-version"]);
    }

    [TestMethod]
    public async Task Action_ProjectInput_BuildsStageRoutineWithEscapedPropertiesOidcTokenAndReport()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9jdG8vc2l0ZSJ9.c2ln";
        await using var actions = await LoopbackServer.StartAsync(_ => new(200, $$"""{"value":"{{jwt}}"}"""));
        await using var github = await FakeGitHubApi.StartAsync();
        WriteStageRoutineProject("site folder/Routine.proj");
        var runner = Runner(emulator: null);
        AddPullRequest(runner, github, 9);
        runner["ACTIONS_ID_TOKEN_REQUEST_URL"] = actions.BaseAddress + "_apis/token?api-version=2.0";
        runner["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token";
        const string description = "50% off; \"big\", sale";

        var inputs = new Dictionary<string, string>
        {
            ["project"] = "site folder/Routine.proj",
            ["routine-name"] = "hello-routine",
            ["description"] = description,
            ["publish"] = "staging",
            ["tool-version"] = _tool.Version,
            ["tool-source"] = _tool.Feed,
            ["role-arn"] = "acs:ram::1234567890123456:role/deployer",
            ["oidc-provider-arn"] = "acs:ram::1234567890123456:oidc-provider/github",
            ["github-token"] = "ghs_actionToken42",
        };

        var run = await new ActionRunner(ActionDefinition.Load(), _workspace, _runnerTemp, runner).RunAsync(inputs);

        Assert.IsTrue(run.Succeeded, run.ToString());
        var build = run.Steps[1].Stdout;
        Assert.Contains("SEEN name=hello-routine", build);
        Assert.Contains($"SEEN description={description}", build);
        Assert.Contains("SEEN publish=staging", build);
        Assert.Contains("SEEN role=acs:ram::1234567890123456:role/deployer", build);
        Assert.Contains($"SEEN token={jwt}", build);
        Assert.Contains("SEEN github-token=", build + "\n");
        Assert.DoesNotContain("SEEN github-token=ghs", build);
        Assert.AreEqual("1234567890123456789", run.Outputs["code-version"]);
        Assert.IsFalse(Directory.EnumerateFiles(_runnerTemp, "*.jwt", SearchOption.AllDirectories).Any());

        var deployment = JsonNode.Parse(github.Requests.Single(r => r.Path.EndsWith("/deployments",
            StringComparison.Ordinal)).Body)!;
        Assert.AreEqual("1234567890123456789", (string?)deployment["payload"]!["codeVersion"]);
        Assert.HasCount(1, github.Comments);
    }

    [TestMethod]
    public async Task Action_ProjectBuildFails_ReportsTheFailureAndFails()
    {
        await using var github = await FakeGitHubApi.StartAsync();
        var project = Path.Combine(_workspace, "Routine.proj");
        File.WriteAllText(project, """
            <Project>
              <Target Name="Restore" />
              <Target Name="StageRoutine">
                <Error Code="ESA2002" Text="Routine 'hello-routine' has no free code version." />
              </Target>
            </Project>
            """);
        var runner = Runner(emulator: null);
        AddPullRequest(runner, github, 4);
        var inputs = new Dictionary<string, string>
        {
            ["project"] = "Routine.proj",
            ["routine-name"] = "hello-routine",
            ["tool-version"] = _tool.Version,
            ["tool-source"] = _tool.Feed,
            ["github-token"] = "ghs_actionToken42",
        };

        var run = await new ActionRunner(ActionDefinition.Load(), _workspace, _runnerTemp, runner).RunAsync(inputs);

        Assert.IsFalse(run.Succeeded);
        Assert.AreEqual("failure", run.Steps[1].Outcome, run.ToString());
        Assert.AreEqual("success", run.Steps[2].Outcome, run.ToString());
        var status = JsonNode.Parse(github.Requests.Single(r => r.Path.EndsWith("/statuses",
            StringComparison.Ordinal)).Body)!;
        Assert.AreEqual("failure", (string?)status["state"]);
        Assert.Contains("staging failed", (string)github.Comments.Single()["body"]!);
        Assert.AreEqual(string.Empty, run.Outputs["code-version"]);
    }

    [TestMethod]
    public async Task Action_CodeAndProjectBoth_FailsBeforeStaging()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });

        var run = await new ActionRunner(ActionDefinition.Load(), _workspace, _runnerTemp, Runner(emulator))
            .RunAsync(With(emulator, new() { ["code"] = "worker.js", ["project"] = "Routine.proj" }));

        Assert.IsFalse(run.Succeeded);
        Assert.Contains("::error title=ESA1011::ESA1011: Give the code input or the project input, not both.",
            run.Steps[1].Stdout);
        Assert.IsEmpty(emulator.Requests);
        Assert.AreEqual(string.Empty, run.Outputs["code-version"]);
    }

    private Dictionary<string, string> With(EsaEmulator emulator, Dictionary<string, string> inputs)
    {
        inputs["routine-name"] = "hello-routine";
        inputs["endpoint"] = emulator.Endpoint.Authority;
        inputs["tool-version"] = _tool.Version;
        inputs["tool-source"] = _tool.Feed;
        return inputs;
    }

    /// <summary>What the runner and the workflow's <c>env:</c> give the job.</summary>
    private Dictionary<string, string> Runner(EsaEmulator? emulator)
    {
        // PATH as a self-hosted runner may have it: dotnet, but no global tools folder.
        var path = string.Join(Path.PathSeparator, (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Where(p => !p.Contains(Path.Combine(".dotnet", "tools"), StringComparison.Ordinal)));
        var runner = new Dictionary<string, string>
        {
            ["PATH"] = path,
            ["GITHUB_ACTIONS"] = "true",
            ["RUNNER_OS"] = "Linux",
            ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (emulator is not null)
        {
            runner["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId;
            runner["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret;
        }

        return runner;
    }

    private void AddPullRequest(Dictionary<string, string> runner, FakeGitHubApi github, int number)
    {
        var eventFile = Path.Combine(_runnerTemp, "event.json");
        File.WriteAllText(eventFile, JsonSerializer.Serialize(new
        {
            number,
            pull_request = new { number, head = new { sha = HeadSha } },
        }));
        runner["GITHUB_EVENT_NAME"] = "pull_request";
        runner["GITHUB_EVENT_PATH"] = eventFile;
        runner["GITHUB_API_URL"] = github.ApiUrl.AbsoluteUri;
        runner["GITHUB_SERVER_URL"] = "https://github.example";
        runner["GITHUB_REPOSITORY"] = "octo/site";
        runner["GITHUB_SHA"] = "fedcba9876543210fedcba9876543210fedcba98";
        runner["GITHUB_RUN_ID"] = "77";
    }

    private string CopySample(string relativePath)
    {
        var path = Path.Combine(_workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(RepositoryPaths.SampleCode, path);
        return path;
    }

    /// <summary>
    /// A project whose <c>StageRoutine</c> target shows what reached it and sets the step outputs as the
    /// EsaStageTask package does under GitHub Actions.
    /// </summary>
    private void WriteStageRoutineProject(string relativePath)
    {
        var path = Path.Combine(_workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """
            <Project>
              <Target Name="Restore" />
              <Target Name="StageRoutine">
                <Message Importance="high" Text="SEEN name=$(EsaRoutineName)" />
                <Message Importance="high" Text="SEEN description=$(EsaCodeDescription)" />
                <Message Importance="high" Text="SEEN publish=$(EsaPublishEnvironment)" />
                <Message Importance="high" Text="SEEN role=$(ALIBABA_CLOUD_ROLE_ARN)" />
                <Message Importance="high"
                  Text="SEEN token=$([System.IO.File]::ReadAllText('$(ALIBABA_CLOUD_OIDC_TOKEN_FILE)'))" />
                <Message Importance="high" Text="SEEN github-token=$(ESA_GITHUB_TOKEN)" />
                <PropertyGroup>
                  <Result>{"routine":"hello-routine","codeVersion":"1234567890123456789",</Result>
                  <Result>$(Result)"bytes":10,"sha256":"ab","endpoint":"https://esa.example"}</Result>
                </PropertyGroup>
                <WriteLinesToFile File="$(GITHUB_OUTPUT)"
                  Lines="code-version=1234567890123456789;result-json=$(Result)" />
              </Target>
            </Project>
            """);
    }
}
