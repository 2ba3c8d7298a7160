using System.Text.Json;
using System.Text.Json.Nodes;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.GitHub;

[TestClass]
public sealed class GitHubReportingTests
{
    private const string GitHubToken = "ghs_fakeInstallationToken0123456789";
    private const string HeadSha = "0123456789abcdef0123456789abcdef01234567";
    private const string MergeSha = "fedcba9876543210fedcba9876543210fedcba98";
    private const string Marker = "<!-- esa-stage routine=\"hello-routine\" -->";

    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("esa-gh-test-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public async Task Stage_PullRequestRunTwice_RecordsDeploymentsAndKeepsOneUpdatedComment()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        await using var github = await FakeGitHubApi.StartAsync(FakeGitHubApi.Comment(7, "Looks good to me"));
        var environment = Runner(emulator, github, pullRequest: 12);

        var first = await ToolProcess.RunAsync(StageArguments(emulator), environment);
        var second = await ToolProcess.RunAsync(StageArguments(emulator), environment);

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        var versions = new[] { first.Stdout.Trim(), second.Stdout.Trim() };
        var requests = github.Requests;
        Assert.IsTrue(requests.All(r => r.Header("Authorization") == "Bearer " + GitHubToken));

        var deployments = requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/deployments",
            StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.HasCount(2, deployments);
        for (var i = 0; i < 2; i++)
        {
            Assert.AreEqual(HeadSha, (string?)deployments[i]["ref"]);
            Assert.AreEqual("esa-staging", (string?)deployments[i]["environment"]);
            Assert.IsFalse((bool)deployments[i]["auto_merge"]!);
            Assert.IsEmpty(deployments[i]["required_contexts"]!.AsArray());
            Assert.AreEqual("hello-routine", (string?)deployments[i]["payload"]!["routine"]);
            Assert.AreEqual(versions[i], (string?)deployments[i]["payload"]!["codeVersion"]);
        }

        var statuses = requests.Where(r => r.Path.EndsWith("/statuses", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.HasCount(2, statuses);
        Assert.AreEqual("success", (string?)statuses[1]["state"]);
        Assert.AreEqual($"Routine hello-routine: code version {versions[1]}", (string?)statuses[1]["description"]);
        Assert.AreEqual("https://github.example/octo/site/actions/runs/4242", (string?)statuses[1]["log_url"]);
        StringAssert.StartsWith((string?)statuses[1]["environment_url"], "https://hello-routine.");

        var commentCalls = requests.Where(r => r.Path.Contains("/comments", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Path}").ToList();
        var ours = github.Comments.Single(c => ((string)c["body"]!).StartsWith(Marker, StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[]
        {
            "GET /api/v3/repos/octo/site/issues/12/comments",
            "POST /api/v3/repos/octo/site/issues/12/comments",
            "GET /api/v3/repos/octo/site/issues/12/comments",
            $"PATCH /api/v3/repos/octo/site/issues/comments/{ours["id"]}",
        }, commentCalls);
        Assert.HasCount(2, github.Comments);
        Assert.Contains($"<code>{versions[1]}</code>", (string)ours["body"]!);
        Assert.DoesNotContain(versions[0], (string)ours["body"]!);
        Assert.AreEqual("Looks good to me", (string?)github.Comments[0]["body"]);

        Assert.Contains("::add-mask::" + GitHubToken, second.Stderr);
        Assert.DoesNotContain(GitHubToken, second.Stderr.Replace("::add-mask::" + GitHubToken, string.Empty));
    }

    [TestMethod]
    public async Task Stage_FailsOnPullRequest_ReportsTheFailureAndStillFails()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        await using var github = await FakeGitHubApi.StartAsync();

        var run = await ToolProcess.RunAsync([.. StageArguments(emulator), "--publish", "production"],
            Runner(emulator, github, pullRequest: 3));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.Contains("error ESA2004", run.Stderr);
        var deployment = JsonNode.Parse(github.Requests.Single(r => r.Path.EndsWith("/deployments",
            StringComparison.Ordinal)).Body)!;
        Assert.AreEqual("esa-production", (string?)deployment["environment"]);
        Assert.IsTrue((bool)deployment["production_environment"]!);
        var status = JsonNode.Parse(github.Requests.Single(r => r.Path.EndsWith("/statuses",
            StringComparison.Ordinal)).Body)!;
        Assert.AreEqual("failure", (string?)status["state"]);
        Assert.AreEqual("Routine hello-routine: staging failed (ESA2004)", (string?)status["description"]);
        var comment = (string)github.Comments.Single()["body"]!;
        Assert.StartsWith(Marker + "\n### ESA routine staging failed: hello-routine", comment);
        Assert.Contains("<code>ESA2004</code>", comment);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task Stage_GitHubRefusesTheReport_WarnsAndKeepsTheStagingOutcome(bool routineExists)
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions
        {
            Routines = routineExists ? ["hello-routine"] : [],
        });
        await using var github = await FakeGitHubApi.StartAsync();
        github.FailDeploymentsWith = 403;
        var environment = Runner(emulator, github, pullRequest: null);

        var run = await ToolProcess.RunAsync(StageArguments(emulator), environment);

        Assert.AreEqual(routineExists ? 0 : 1, run.ExitCode, run.ToString());
        Assert.Contains("::warning title=ESA4101::ESA4101: Reporting the deployment to GitHub failed", run.Stderr);
        Assert.Contains("permissions: deployments: write", run.Stderr);
        var outputs = ReadOutputs(environment);
        if (routineExists)
        {
            Assert.AreEqual(run.Stdout.Trim(), outputs["code-version"]);
        }
        else
        {
            Assert.Contains("::error title=ESA2004::", run.Stderr);
            Assert.IsEmpty(outputs);
        }
    }

    [TestMethod]
    public async Task Stage_GitHubAnswerUnreadable_WarnsAndKeepsTheStagedCodeVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        await using var github = await FakeGitHubApi.StartAsync();
        github.DeploymentAnswer = """{"id": "not a number", "payload": {"routine": ["not", "text"]}}""";
        var environment = Runner(emulator, github, pullRequest: null);

        var run = await ToolProcess.RunAsync(StageArguments(emulator), environment);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.Contains("::warning title=ESA4101::ESA4101: Reporting the deployment to GitHub failed", run.Stderr);
        Assert.Contains("could not be read", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        Assert.AreEqual(run.Stdout.Trim(), ReadOutputs(environment)["code-version"]);
    }

    private static Dictionary<string, string> ReadOutputs(Dictionary<string, string> environment) =>
        File.Exists(environment["GITHUB_OUTPUT"])
            ? Core.Tests.Ci.RunnerFileReader.Read(environment["GITHUB_OUTPUT"])
            : [];

    private Dictionary<string, string> Runner(EsaEmulator emulator, FakeGitHubApi github, int? pullRequest)
    {
        var eventFile = Path.Combine(_directory, "event.json");
        File.WriteAllText(eventFile, JsonSerializer.Serialize(new
        {
            action = "synchronize",
            number = pullRequest ?? 0,
            pull_request = new { number = pullRequest ?? 0, head = new { sha = HeadSha } },
        }));

        return new Dictionary<string, string>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = Path.Combine(_directory, "output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_directory, "summary.md"),
            ["GITHUB_API_URL"] = github.ApiUrl.AbsoluteUri,
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_REPOSITORY"] = "octo/site",
            ["GITHUB_SHA"] = MergeSha,
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_EVENT_NAME"] = pullRequest is null ? "push" : "pull_request",
            ["GITHUB_EVENT_PATH"] = eventFile,
            ["ESA_GITHUB_TOKEN"] = GitHubToken,
        };
    }

    private static string[] StageArguments(EsaEmulator emulator) =>
        ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
            RepositoryPaths.SampleCode, "--verbosity", "Detailed"];
}
