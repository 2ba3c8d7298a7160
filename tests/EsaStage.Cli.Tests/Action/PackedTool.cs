using System.Diagnostics;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Action;

/// <summary>
/// The tool packed from this repository into a private folder feed, as a release would publish it: the pointer
/// package with its Native AOT and framework-dependent packages, by <c>pack-tool.sh</c>. Packed under a version of
/// its own so no package cache can hold an older build of it, and built into a private artifacts folder so the
/// pack never races another build of the same projects.
/// </summary>
internal sealed record PackedTool(string Feed, string Version)
{
    public static async Task<PackedTool> PackAsync(string folder)
    {
        var version = $"0.0.0-action.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var feed = Path.Combine(folder, "tool feed");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[]
        {
            RepositoryPaths.ToolPackScript, feed, "--artifacts-path", Path.Combine(folder, "artifacts"),
            "-p:Version=" + version,
        })
        {
            start.ArgumentList.Add(argument);
        }

        ToolProcess.Sterilize(start.Environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pack-tool.sh failed:\n{await stdout}\n{await stderr}");
        }

        return new PackedTool(feed, version);
    }
}
