namespace EsaStage.Core.Tests.TestSupport;

/// <summary>Finds the team's shared reference folder, which sits beside the repository as <c>../shared</c>.</summary>
internal static class SharedReference
{
    public static string VectorsFile => Path.Combine(Directory, "vectors", "acs3-vectors.json");

    public static string Directory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("ESASTAGE_SHARED_DIR");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EsaStageTask.sln")))
                {
                    var shared = Path.Combine(dir.FullName, "..", "shared");
                    if (System.IO.Directory.Exists(shared))
                    {
                        return Path.GetFullPath(shared);
                    }

                    break;
                }
            }

            throw new InvalidOperationException(
                "The shared reference folder was not found beside the repository (../shared). " +
                "Set ESASTAGE_SHARED_DIR to its path.");
        }
    }
}
