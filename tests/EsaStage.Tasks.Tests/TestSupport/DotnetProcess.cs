using System.Diagnostics;
using EsaStage.Tests.Shared;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>
/// Runs <c>dotnet</c> as a user would, with an environment cleaned of CI, credential and MSBuild variables, so a
/// test run inside a pipeline can neither write to it nor use its credentials, and no build server outlives a test.
/// </summary>
internal static class DotnetProcess
{
    private static readonly string[] SterilizedPrefixes =
    [
        "ALIBABA_CLOUD_", "ESA_", "GITHUB_", "ACTIONS_", "RUNNER_", "TF_BUILD", "SYSTEM_", "BUILD_", "AGENT_",
        "MSBUILD", "DOTNET_HOST_PATH", "NUGET_PACKAGES",
    ];

    public static async Task<DotnetRun> RunAsync(IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (SterilizedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        CredentialIsolation.ApplyTo(start.Environment);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new DotnetRun(process.ExitCode, await stdout, await stderr);
    }
}
