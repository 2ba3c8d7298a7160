namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>Finds the team's read-only reference folder, beside the repository as <c>../shared</c>.</summary>
internal static class SharedReference
{
    public static string VectorsFile => Path.Combine(Directory, "vectors", "acs3-vectors.json");

    private static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ESASTAGE_SHARED_DIR") is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EsaStageTask.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                }
            }

            throw new InvalidOperationException("No ../shared beside the repository; set ESASTAGE_SHARED_DIR.");
        }
    }
}
