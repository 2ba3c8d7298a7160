namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TasksProject => Path.Combine(Root, "src", "EsaStage.Tasks", "EsaStage.Tasks.csproj");

    public static string SampleRoutine => Path.Combine(Root, "samples", "hello-routine");

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
