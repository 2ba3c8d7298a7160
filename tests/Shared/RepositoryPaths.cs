namespace EsaStage.Tests.Shared;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleRoutine => Path.Combine(Root, "samples", "hello-routine");

    public static string SampleCode => Path.Combine(SampleRoutine, "src", "index.js");

    /// <summary>Gets the script that packs the esa-stage tool packages as a release publishes them.</summary>
    public static string ToolPackScript => Path.Combine(Root, "src", "EsaStage.Cli", "pack-tool.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EsaStageTask.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with EsaStageTask.sln) was not found.");
    }
}
