using System.Diagnostics;
using System.Reflection;
using EsaStage.Tests.Shared;

namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>
/// The esa-stage tool packages, packed once per test run from this repository as a release packs them, into a
/// folder of its own: the task installs the tool from there, so no test reaches a package feed.
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

        // A version of this run's own, so no package cache can hold an older build of it; every file the packs
        // write goes under this run's folder, so a build elsewhere cannot collide with them.
        var version = $"0.0.0-task.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var start = new ProcessStartInfo("bash",
        [
            RepositoryPaths.ToolPackScript, folder, "-c", configuration, $"-p:Version={version}",
            "--artifacts-path", Path.Combine(Root, "artifacts"),
        ]);
        // Native AOT compilation of the linux-x64 package takes a minute or two on a busy machine.
        var run = await ProcessRun.RunAsync(start, timeLimit: TimeSpan.FromMinutes(10));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"pack-tool.sh failed: {run}");
        }

        return new PackedTool(folder, Directory.GetFiles(folder, "EsaStage.Tool.*.nupkg"), version);
    }
}
