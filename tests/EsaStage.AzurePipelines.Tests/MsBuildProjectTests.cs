using EsaStage.AzurePipelines.Tests.TestSupport;

namespace EsaStage.AzurePipelines.Tests;

/// <summary>
/// The task's MSBuild project mode: it runs <c>dotnet build &lt;project&gt; -t:StageRoutine</c> with the inputs as
/// <c>Esa*</c> properties and the connection's credentials in the environment. The project here is a real one
/// whose <c>StageRoutine</c> target records what it received, so the test sees exactly what a real target gets.
/// </summary>
[TestClass]
public sealed class MsBuildProjectTests
{
    // What the StageRoutine target records, and the property (or environment variable) it reads it from.
    private static readonly Dictionary<string, string> Recorded = new()
    {
        ["EsaRoutineName"] = "EsaRoutineName",
        ["EsaCodeDescription"] = "EsaCodeDescription",
        ["EsaEndpoint"] = "EsaEndpoint",
        ["EsaRegion"] = "EsaRegion",
        ["EsaCommit"] = "EsaCommit",
        ["EsaPublishEnvironment"] = "EsaPublishEnvironment",
        ["EsaCodeFile"] = "EsaCodeFile",
        ["AccessKeyId"] = "ALIBABA_CLOUD_ACCESS_KEY_ID",
        ["AccessKeySecret"] = "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        ["TfBuild"] = "TF_BUILD",
    };

    private TaskWorkspace _workspace = null!;

    [TestInitialize]
    public void CreateWorkspace()
    {
        _workspace = new TaskWorkspace();
        Directory.CreateDirectory(Path.Combine(_workspace.Sources, "routine"));
        File.WriteAllText(Path.Combine(_workspace.Sources, "routine", "Routine.proj"), RecordingProject());
    }

    [TestCleanup]
    public void DeleteWorkspace() => _workspace.Dispose();

    [TestMethod]
    public async Task Run_Project_BuildsStageRoutineWithTheInputsAsProperties()
    {
        const string Description = "a;b,c \"q\" 'x' $(Foo) @(Bar) %41 *? ✓ 修复\n##vso[task.complete result=Failed]";

        var run = await new AgentRun(_workspace)
            .Connection("LTAI-connection-id", "connection-secret")
            .Input("project", "routine/Routine.proj")
            .Input("routineName", "hello-routine")
            .Input("description", Description)
            .Input("endpoint", "127.0.0.1:8443")
            .Input("region", "ap-southeast-1")
            .Input("commit", "true")
            .Input("publish", "production")
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        var project = Path.Combine(_workspace.Sources, "routine", "Routine.proj");
        Assert.Contains($"[command]{Dotnet()} build {project} -t:StageRoutine -nologo -nodeReuse:false " +
            "-p:EsaRoutineName=hello-routine ", run.Stdout);
        Assert.AreEqual("hello-routine", Received("EsaRoutineName"));
        Assert.AreEqual(Description, Received("EsaCodeDescription"));
        Assert.AreEqual("127.0.0.1:8443", Received("EsaEndpoint"));
        Assert.AreEqual("ap-southeast-1", Received("EsaRegion"));
        Assert.AreEqual("true", Received("EsaCommit"));
        Assert.AreEqual("production", Received("EsaPublishEnvironment"));
        Assert.AreEqual(string.Empty, Received("EsaCodeFile"));
        Assert.AreEqual("LTAI-connection-id", Received("AccessKeyId"));
        Assert.AreEqual("connection-secret", Received("AccessKeySecret"));
        Assert.AreEqual("True", Received("TfBuild"));
        Assert.AreEqual("1764781200123000001", run.Output("CodeVersion"));
        Assert.DoesNotContain("task.prependpath", run.Commands.Select(c => c.Name).ToArray());
        Assert.Contains("##_vso[task.prependpath]/not/from/a/staging", run.Stdout);
        Assert.DoesNotContain("connection-secret", run.Stdout.Replace("##vso[task.setsecret]connection-secret", ""));
    }

    [TestMethod]
    public async Task Run_ProjectWithDefaults_PassesOnlyWhatThePipelineSet()
    {
        var run = await new AgentRun(_workspace)
            .Input("project", "routine/Routine.proj")
            .RunAsync();

        Assert.AreEqual("Succeeded", run.Result, run.ToString());
        var project = Path.Combine(_workspace.Sources, "routine", "Routine.proj");
        Assert.Contains($"[command]{Dotnet()} build {project} -t:StageRoutine -nologo -nodeReuse:false\n", run.Stdout);
        Assert.AreEqual(string.Empty, Received("EsaCommit"));
        Assert.AreEqual(string.Empty, Received("EsaPublishEnvironment"));
        Assert.AreEqual(string.Empty, Received("AccessKeyId"));
    }

    [TestMethod]
    public async Task Run_StageRoutineFails_FailsTheTaskWithOneIssue()
    {
        var run = await new AgentRun(_workspace)
            .Input("project", "routine/Routine.proj")
            .Environment("FailStaging", "true")
            .RunAsync();

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("Failed", run.Result, run.ToString());
        Assert.Contains("error ESA2002: The routine has no free code version.", run.Stdout);
        var issue = run.ErrorIssues.Single();
        Assert.Contains("dotnet build -t:StageRoutine failed with exit code 1", issue.Data);
    }

    // A project whose StageRoutine target writes each value it received to a file of its own (escaped, so that a
    // value with ';' stays one line), then prints two logging commands as a real staging target's log would.
    private static string RecordingProject()
    {
        var writes = string.Concat(Recorded.Select(r =>
            $"""
                <WriteLinesToFile File="$(Received){r.Key}.txt" Lines="$([MSBuild]::Escape($({r.Value})))"
                                  Overwrite="true" />

            """));
        return $"""
            <Project>
              <Target Name="Restore" />
              <Target Name="StageRoutine">
                <PropertyGroup>
                  <Received>$(MSBuildThisFileDirectory)received/</Received>
                </PropertyGroup>
                <MakeDir Directories="$(Received)" />
            {writes}
                <Message Importance="high"
                         Text="##vso[task.setvariable variable=CodeVersion;isoutput=true]1764781200123000001" />
                <Message Importance="high" Text="##vso[task.prependpath]/not/from/a/staging" />
                <Error Condition="'$(FailStaging)' == 'true'" Code="ESA2002"
                       Text="The routine has no free code version." />
              </Target>
            </Project>
            """;
    }

    // What the StageRoutine target wrote for a value, without the line break WriteLinesToFile ends it with.
    private string Received(string name)
    {
        var text = File.ReadAllText(Path.Combine(_workspace.Sources, "routine", "received", name + ".txt"))
            .ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    private static string Dotnet()
    {
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            .First(File.Exists);
        return path;
    }
}
