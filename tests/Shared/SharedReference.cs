namespace EsaStage.Tests.Shared;

/// <summary>
/// Finds the shared reference folder that sits beside the repository as <c>../shared</c>; the signing vectors
/// the tests replay live there.
/// </summary>
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

            var shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));
            if (System.IO.Directory.Exists(shared))
            {
                return shared;
            }

            throw new InvalidOperationException(
                "The shared reference folder (with vectors/acs3-vectors.json) was not found beside the repository " +
                "as ../shared. Place it there, or set ESASTAGE_SHARED_DIR to its path.");
        }
    }
}
