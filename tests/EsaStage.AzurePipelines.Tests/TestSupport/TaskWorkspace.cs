namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>
/// The folders an agent gives a job: the sources (the default working directory), the job's temporary folder and
/// the agent's tool cache. One per test, deleted afterwards.
/// </summary>
internal sealed class TaskWorkspace : IDisposable
{
    public TaskWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("esa-agent-").FullName;
        Directory.CreateDirectory(Sources);
        Directory.CreateDirectory(Temp);
        Directory.CreateDirectory(Tools);
    }

    public string Root { get; }

    public string Sources => Path.Combine(Root, "s");

    public string Temp => Path.Combine(Root, "_temp");

    public string Tools => Path.Combine(Root, "_tool");

    /// <summary>Copies the sample routine's code into the sources, as a checkout would have it.</summary>
    public string AddSampleCode(string relativePath = "dist/worker.js")
    {
        var path = Path.Combine(Sources, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(TaskPaths.SampleCode, path);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
