using System.Reflection;
using EsaStage.Tests.Shared;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>
/// The EsaStageTask package, packed once per test run into a local folder feed under a version no earlier run
/// used, with a global packages folder of its own: a consumer can never pick up a stale cached package.
/// </summary>
internal sealed class PackageFeed
{
    private static readonly Lazy<Task<PackageFeed>> Shared = new(PackAsync);

    private PackageFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>Gets the run's folder: the feed, the packages folder and the consumer projects live under it.</summary>
    public string Root { get; }

    /// <summary>Gets the packed version.</summary>
    public string Version { get; }

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string PackagesDirectory => Path.Combine(Root, "packages");

    /// <summary>Gets the feed, packing on first use; later callers share the one pack.</summary>
    public static Task<PackageFeed> GetAsync() => Shared.Value;

    /// <summary>Deletes the run's folder, if a test packed.</summary>
    public static void DeleteIfCreated()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            Directory.Delete(Shared.Value.Result.Root, recursive: true);
        }
    }

    /// <summary>Packs the package again under another version, as an update a user would install.</summary>
    public async Task<string> PackAnotherVersionAsync()
    {
        var version = NewVersion();
        await PackAsync(FeedDirectory, version);
        return version;
    }

    private static async Task<PackageFeed> PackAsync()
    {
        var root = Directory.CreateTempSubdirectory("esa-package-test-").FullName;
        var feed = new PackageFeed(root, NewVersion());
        await PackAsync(feed.FeedDirectory, feed.Version);
        return feed;
    }

    private static async Task PackAsync(string feedDirectory, string version)
    {
        // The test project's build already built the task in this configuration; the pack only lays it out.
        var configuration = typeof(PackageFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!
            .Configuration;
        var project = Path.Combine(RepositoryPaths.Root, "src", "EsaStage.Tasks", "EsaStage.Tasks.csproj");
        var run = await DotnetProcess.RunAsync(
            ["pack", project, "--no-build", "-c", configuration, "-o", feedDirectory,
                $"-p:PackageVersion={version}", "-nodeReuse:false"],
            RepositoryPaths.Root);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed: {run}");
        }
    }

    private static string NewVersion() => $"0.0.0-it.g{Guid.NewGuid():N}";
}
