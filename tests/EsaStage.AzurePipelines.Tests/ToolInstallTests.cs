using System.Runtime.InteropServices;
using EsaStage.AzurePipelines.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.AzurePipelines.Tests;

/// <summary>How the task gets the esa-stage tool onto the agent.</summary>
[TestClass]
public sealed class ToolInstallTests
{
    private TaskWorkspace _workspace = null!;

    [TestInitialize]
    public void CreateWorkspace() => _workspace = new TaskWorkspace();

    [TestCleanup]
    public void DeleteWorkspace() => _workspace.Dispose();

    [TestMethod]
    public async Task Run_TaskCarriesThePackage_InstallsItIntoTheToolCacheOnceAndReusesIt()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var tool = await ToolPackage.GetAsync();
        var task = LayOutTaskAsInTheExtension(tool);
        _workspace.AddSampleCode();

        var first = await Run(task, emulator).RunAsync();
        var second = await Run(task, emulator).RunAsync();

        Assert.AreEqual("Succeeded", first.Result, first.ToString());
        Assert.Contains($"Installing EsaStage.Tool {tool.Version} from {Path.Combine(task, "tool")}.", first.Stdout);
        var cached = Path.Combine(_workspace.Tools, "EsaStage.Tool", tool.Version, Architecture());
        Assert.IsTrue(File.Exists(cached + ".complete"), first.ToString());
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            // The pointer package sent the install to the Native AOT package packed for this platform.
            var store = Path.Combine(cached, ".store", "esastage.tool", tool.Version.ToLowerInvariant());
            Assert.IsTrue(Directory.Exists(Path.Combine(store, "esastage.tool.linux-x64")), store);
        }

        Assert.AreEqual("Succeeded", second.Result, second.ToString());
        Assert.DoesNotContain("Installing EsaStage.Tool", second.Stdout);
        Assert.Contains($"[command]{Path.Combine(cached, "esa-stage")} stage", second.Stdout);
        Assert.HasCount(2, emulator.State.GetRoutine("hello-routine")!.CodeVersions);
    }

    [TestMethod]
    public async Task Run_VersionTheSourceLacks_FailsWithOneIssueAndCachesNothing()
    {
        var tool = await ToolPackage.GetAsync();
        _workspace.AddSampleCode();

        var run = await new AgentRun(_workspace)
            .Input("routineName", "hello-routine")
            .Input("codeFile", "dist/worker.js")
            .Input("toolVersion", "9.9.9")
            .Input("toolSource", tool.Folder)
            .RunAsync();

        Assert.AreEqual("Failed", run.Result, run.ToString());
        var issue = run.ErrorIssues.Single();
        Assert.AreEqual("ESA9001", issue.Property("code"));
        Assert.Contains("could not install EsaStage.Tool 9.9.9", issue.Data);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_workspace.Tools));
    }

    private AgentRun Run(string task, EsaEmulator emulator) => new AgentRun(_workspace) { TaskDirectory = task }
        .Connection(emulator.AccessKeyId, emulator.AccessKeySecret)
        .Input("routineName", "hello-routine")
        .Input("codeFile", "dist/worker.js")
        .Input("endpoint", emulator.Endpoint.Authority);

    // The task folder as the extension ships it: the handler, its modules and the tool packages under tool/.
    private string LayOutTaskAsInTheExtension(PackedTool tool)
    {
        var task = Path.Combine(_workspace.Root, "tasks", "EsaStageRoutine");
        CopyDirectory(TaskPaths.Task, task);
        Directory.CreateDirectory(Path.Combine(task, "tool"));
        foreach (var package in tool.Packages)
        {
            File.Copy(package, Path.Combine(task, "tool", Path.GetFileName(package)));
        }

        return task;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }

    // Node's os.arch() names, which the tool cache uses.
    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
