using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>
/// A project folder with a routine, an engine and an environment for one <see cref="StageRoutine"/> run. The
/// environment starts empty: no CI variable and no credential of the machine running the tests reaches the task.
/// </summary>
internal sealed class TaskFixture : IDisposable
{
    public const string Code = "export default { async fetch() { return new Response('hello'); } };\n";

    public TaskFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("esa-task-test-").FullName;
        ProjectFile = Path.Combine(Directory, "edge.csproj");
        CodeFile = Path.Combine(Directory, "dist", "index.js");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(CodeFile)!);
        File.WriteAllText(CodeFile, Code);
        Engine = new FakeBuildEngine(ProjectFile);
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string CodeFile { get; }

    public string StampFile => Path.Combine(Directory, "obj", "edge.csproj.esa-stage.json");

    public FakeBuildEngine Engine { get; }

    public Dictionary<string, string> Environment { get; } = new(CredentialIsolation.Variables);

    public void UseCredentialsOf(EsaEmulator emulator)
    {
        Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId;
        Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret;
    }

    /// <summary>A task for this folder, staging <see cref="CodeFile"/> as <c>hello-routine</c>.</summary>
    public StageRoutine CreateTask(EsaEmulator? emulator = null) => new(name => Environment.GetValueOrDefault(name))
    {
        BuildEngine = Engine,
        ProjectDirectory = Directory,
        ProjectFile = ProjectFile,
        RoutineName = "hello-routine",
        CodeFile = "dist/index.js",
        Endpoint = emulator?.Endpoint.Authority,
        StampFile = StampFile,
    };

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
