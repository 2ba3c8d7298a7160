using System.Diagnostics;
using System.Reflection;
using EsaStage.Tests.Shared;

namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>
/// The esa-stage tool package, packed once per test run from the build these tests reference, into a folder of
/// its own: the task installs the tool from there, so no test reaches a package feed.
/// </summary>
internal static class ToolPackage
{
    private static readonly Lazy<Task<PackedTool>> Packed = new(PackAsync);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"esa-tool-package-{Guid.NewGuid():N}");

    /// <summary>Gets the packed tool, packing it on first use.</summary>
    public static Task<PackedTool> GetAsync() => Packed.Value;

    /// <summary>Removes the folder the package was packed into.</summary>
    public static void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static async Task<PackedTool> PackAsync()
    {
        var configuration = typeof(ToolPackage).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()
            ?.Configuration ?? "Debug";
        var folder = Path.Combine(Root, "packages");

        // Every file pack writes goes under this run's folder, so a pack elsewhere cannot collide with it.
        var start = new ProcessStartInfo("dotnet",
        [
            "pack", Path.Combine(RepositoryPaths.Root, "src", "EsaStage.Cli", "EsaStage.Cli.csproj"), "--no-build",
            "-c", configuration, "-o", folder, "-nologo", $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}/",
            $"-p:PublishDir={Path.Combine(Root, "publish")}/",
        ]);
        var run = await ProcessRun.RunAsync(start);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack of the tool failed: {run}");
        }

        var package = Directory.GetFiles(folder, "EsaStage.Tool.*.nupkg").Single();
        var version = Path.GetFileNameWithoutExtension(package)["EsaStage.Tool.".Length..];
        return new PackedTool(folder, package, version);
    }
}
