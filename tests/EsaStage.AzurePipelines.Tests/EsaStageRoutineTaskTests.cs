using EsaStage.AzurePipelines.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.AzurePipelines.Tests;

/// <summary>The task's handler run as the agent runs it, staging against the emulator.</summary>
[TestClass]
public sealed class EsaStageRoutineTaskTests
{
    private TaskWorkspace _workspace = null!;

    [TestInitialize]
    public void CreateWorkspace() => _workspace = new TaskWorkspace();

    [TestCleanup]
    public void DeleteWorkspace() => _workspace.Dispose();

    [TestMethod]
    public async Task Run_CodeFileWithConnection_StagesTheCodeAndSetsCodeVersion()
    {
        await using var emulator = await StartEmulatorAsync();
        var code = _workspace.AddSampleCode();

        var run = await (await StagingRunAsync(emulator))
            .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
            .RunAsync();

        // A Node handler must exit with 0; the result travels in task.complete.
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        Assert.IsEmpty(run.ErrorIssues, run.ToString());
        var staged = emulator.State.GetRoutine("hello-routine")!.StagingCode!;
        Assert.MatchesRegex("^[0-9]{19}$", staged.CodeVersion);
        Assert.AreEqual(staged.CodeVersion, run.Output("CodeVersion"));
        Assert.Contains(("CodeVersion", staged.CodeVersion, false), run.Variables);
        Assert.AreEqual(string.Empty, run.Output("CommittedCodeVersion"));
        Assert.AreEqual(string.Empty, run.Output("PublishedEnvironment"));
        CollectionAssert.AreEqual(File.ReadAllBytes(code), emulator.State.GetStagingCode("hello-routine"));
        var summary = run.Commands.Single(c => c.Name == "task.uploadsummary").Data;
        Assert.StartsWith(_workspace.Temp, summary);
        Assert.Contains($"<code>{staged.CodeVersion}</code>", File.ReadAllText(summary));
        AssertOnlyMasked(run, emulator.AccessKeySecret);
    }

    [TestMethod]
    public async Task Run_CommitAndPublish_SetsTheCommittedVersionAndTheEnvironment()
    {
        await using var emulator = await StartEmulatorAsync();
        _workspace.AddSampleCode();

        var run = await (await StagingRunAsync(emulator))
            .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
            .Input("commit", "true")
            .Input("publish", "staging")
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        var routine = emulator.State.GetRoutine("hello-routine")!;
        Assert.AreEqual(routine.Envs["staging"], run.Output("CommittedCodeVersion"));
        Assert.AreNotEqual(run.Output("CodeVersion"), run.Output("CommittedCodeVersion"));
        Assert.AreEqual("staging", run.Output("PublishedEnvironment"));
    }

    [TestMethod]
    public async Task Run_StsTokenInConnection_StagesWithTheTemporaryCredentials()
    {
        await using var emulator = await StartEmulatorAsync();
        _workspace.AddSampleCode();
        var sts = emulator.IssueTemporaryCredential();

        var run = await (await StagingRunAsync(emulator))
            .Connection(sts.AccessKeyId, sts.AccessKeySecret, sts.SecurityToken)
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        Assert.IsNotNull(emulator.State.GetRoutine("hello-routine")!.StagingCode);
        AssertOnlyMasked(run, sts.AccessKeySecret);
        AssertOnlyMasked(run, sts.SecurityToken);
    }

    [TestMethod]
    public async Task Run_ConnectionAndPipelineCredentials_TheConnectionWins()
    {
        await using var emulator = await StartEmulatorAsync();
        _workspace.AddSampleCode();

        var run = await (await StagingRunAsync(emulator))
            .Environment("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-not-this-one")
            .Environment("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-this-secret")
            .Environment("ALIBABA_CLOUD_SECURITY_TOKEN", "stale-token")
            .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
    }

    [TestMethod]
    public async Task Run_NoConnection_UsesTheCredentialsInTheStepEnvironment()
    {
        await using var emulator = await StartEmulatorAsync();
        _workspace.AddSampleCode();

        var run = await (await StagingRunAsync(emulator))
            .Environment("ALIBABA_CLOUD_ACCESS_KEY_ID", emulator.AccessKeyId)
            .Environment("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.AccessKeySecret)
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        var staged = emulator.State.GetRoutine("hello-routine")!.StagingCode!;
        Assert.AreEqual(staged.CodeVersion, run.Output("CodeVersion"));
    }

    [TestMethod]
    public async Task Run_HostileDescription_IsStagedVerbatimAndRunsNoCommand()
    {
        const string Description =
            "fix \"quotes\" & 'x' 100% ; done ]\n##vso[task.setvariable variable=CodeVersion]666\n::error::pwned";
        await using var emulator = await StartEmulatorAsync();
        _workspace.AddSampleCode();

        var run = await (await StagingRunAsync(emulator))
            .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
            .Input("description", Description)
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        Assert.AreEqual(Description, emulator.State.GetRoutine("hello-routine")!.StagingCode!.Description);
        Assert.DoesNotContain(("CodeVersion", "666", false), run.Variables);
        string[] expected = ["task.debug", "task.setsecret", "task.setvariable", "task.uploadsummary", "task.complete"];
        CollectionAssert.IsSubsetOf(run.Commands.Select(c => c.Name).Distinct().ToArray(), expected);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimStart());
        Assert.IsFalse(lines.Any(l => l.StartsWith("::error::", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Run_CodeVersionQuotaExhausted_FailsTheTaskWithOneIssue()
    {
        await using var emulator = await StartEmulatorAsync();
        emulator.Faults.FailEsaRequests(1, 400, "CodeVersionNumberExceedQuotaLimit",
            "The number of code versions has reached the upper limit.", "GetRoutineStagingCodeUploadInfo");
        _workspace.AddSampleCode();

        var run = await (await StagingRunAsync(emulator))
            .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
            .RunAsync();

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("Failed", run.Result, run.ToString());
        var issue = run.ErrorIssues.Single();
        Assert.AreEqual("ESA2002", issue.Property("code"));
        Assert.StartsWith("ESA2002: ", issue.Data);
        Assert.IsEmpty(run.Variables);
        Assert.IsNull(emulator.State.GetRoutine("hello-routine")!.StagingCode);
    }

    [TestMethod]
    public async Task Run_MissingCodeFile_FailsWithTheToolsIssueAboutThatFile()
    {
        await using var emulator = await StartEmulatorAsync();

        var run = await (await StagingRunAsync(emulator))
            .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
            .RunAsync();

        Assert.AreEqual("Failed", run.Result, run.ToString());
        var issue = run.ErrorIssues.Single();
        Assert.AreEqual("ESA1002", issue.Property("code"));
        Assert.AreEqual(Path.Combine(_workspace.Sources, "dist", "worker.js"), issue.Property("sourcepath"));
        Assert.IsEmpty(emulator.Requests);
    }

    private static Task<EsaEmulator> StartEmulatorAsync() =>
        EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });

    private async Task<AgentRun> StagingRunAsync(EsaEmulator emulator)
    {
        var tool = await ToolPackage.GetAsync();
        return new AgentRun(_workspace)
            .Input("routineName", "hello-routine")
            .Input("codeFile", "dist/worker.js")
            .Input("endpoint", emulator.Endpoint.Authority)
            .Input("toolVersion", tool.Version)
            .Input("toolSource", tool.Folder);
    }

    // The secret reaches the log only in the commands that mask it.
    private static void AssertOnlyMasked(TaskRunResult run, string secret)
    {
        Assert.Contains(secret, run.Secrets);
        foreach (var line in (run.Stdout + "\n" + run.Stderr).Split('\n').Where(l => l.Contains(secret)))
        {
            Assert.StartsWith("##vso[task.setsecret]", line.TrimEnd('\r'), line);
        }
    }
}
