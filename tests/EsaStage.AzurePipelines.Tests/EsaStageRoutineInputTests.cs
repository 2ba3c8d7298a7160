using EsaStage.AzurePipelines.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.AzurePipelines.Tests;

/// <summary>Inputs the task refuses: one clear issue, and nothing installed or sent.</summary>
[TestClass]
public sealed class EsaStageRoutineInputTests
{
    private TaskWorkspace _workspace = null!;
    private EsaEmulator _emulator = null!;

    [TestInitialize]
    public async Task StartAsync()
    {
        _workspace = new TaskWorkspace();
        _workspace.AddSampleCode();
        File.WriteAllText(Path.Combine(_workspace.Sources, "Routine.csproj"), "<Project />");
        _emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
    }

    [TestCleanup]
    public async Task StopAsync()
    {
        await _emulator.DisposeAsync();
        _workspace.Dispose();
    }

    [TestMethod]
    public async Task Run_NeitherCodeFileNorProject_FailsNamingBoth()
    {
        var run = await Run().Input("codeFile", "").RunAsync();

        AssertRefused(run, "ESA1011", "Neither 'codeFile' nor 'project' is set");
    }

    [TestMethod]
    public async Task Run_CodeFileAndProject_FailsAskingForOne()
    {
        var run = await Run().Input("project", "Routine.csproj").RunAsync();

        AssertRefused(run, "ESA1011", "Both 'codeFile' and 'project' are set");
    }

    [TestMethod]
    public async Task Run_CodeFileWithoutRoutineName_FailsNamingTheInput()
    {
        var run = await Run().Input("routineName", "").RunAsync();

        AssertRefused(run, "ESA1011", "The input 'routineName' is not set");
    }

    [TestMethod]
    public async Task Run_UnknownPublishEnvironment_FailsListingTheChoices()
    {
        var run = await Run().Input("publish", "qa").RunAsync();

        AssertRefused(run, "ESA1009", "use staging, production or none");
    }

    [TestMethod]
    public async Task Run_ProjectThatDoesNotExist_FailsNamingThePath()
    {
        var run = await Run().Input("codeFile", "").Input("project", "src/Missing.csproj").RunAsync();

        AssertRefused(run, "ESA1011", Path.Combine(_workspace.Sources, "src", "Missing.csproj"));
    }

    [TestMethod]
    public async Task Run_WorkingDirectoryThatDoesNotExist_FailsNamingIt()
    {
        var run = await Run().Input("workingDirectory", "nowhere").RunAsync();

        AssertRefused(run, "ESA1011", "The working directory");
    }

    [TestMethod]
    public async Task Run_ToolVersionRange_FailsAskingForAnExactVersion()
    {
        var run = await Run().Input("toolVersion", "1.x").RunAsync();

        AssertRefused(run, "ESA1011", "give an exact version");
    }

    [TestMethod]
    public async Task Run_ConnectionWithoutSecret_FailsAskingToFillItIn()
    {
        var run = await Run().Connection(_emulator.AccessKeyId, "").RunAsync();

        AssertRefused(run, "ESA1100", "has no AccessKey ID or AccessKey secret");
    }

    [TestMethod]
    public async Task Run_ConnectionSecretWithTrailingLineBreak_FailsWithoutShowingIt()
    {
        var run = await Run().Connection(_emulator.AccessKeyId, _emulator.AccessKeySecret + "\n").RunAsync();

        AssertRefused(run, "ESA1101", "AccessKey secret starts or ends with whitespace");
        Assert.Contains(_emulator.AccessKeySecret, run.Secrets);
    }

    private AgentRun Run() => new AgentRun(_workspace)
        .Connection(_emulator.AccessKeyId, _emulator.AccessKeySecret)
        .Input("routineName", "hello-routine")
        .Input("codeFile", "dist/worker.js")
        .Input("endpoint", _emulator.Endpoint.Authority);

    private void AssertRefused(TaskRunResult run, string code, string messagePart)
    {
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("Failed", run.Result, run.ToString());
        var issue = run.ErrorIssues.Single();
        Assert.AreEqual(code, issue.Property("code"));
        Assert.StartsWith($"{code}: ", issue.Data);
        Assert.Contains(messagePart, issue.Data);
        Assert.IsEmpty(run.Variables);
        Assert.IsEmpty(_emulator.Requests);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_workspace.Tools));
    }
}
