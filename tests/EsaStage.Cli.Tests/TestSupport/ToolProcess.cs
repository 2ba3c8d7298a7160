using System.Diagnostics;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.TestSupport;

/// <summary>
/// Runs the built <c>esa-stage</c> as a real process, with an environment cleaned of CI and credential
/// variables so a test run inside a pipeline can neither write to it nor use its credentials. The home folder is an
/// empty one and the CLI profile file is switched off, so the real profile files are never read, and so is the ECS
/// metadata service, so a run without credentials never sends a request off this machine. A test's own variables
/// override all of these.
/// </summary>
internal static class ToolProcess
{
    private static readonly string[] SterilizedPrefixes =
        ["ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_", "ESA_", "GITHUB_", "ACTIONS_", "RUNNER_", "TF_BUILD",
            "SYSTEM_", "BUILD_", "AGENT_"];

    /// <summary>
    /// Gets the tool every test runs: the framework-dependent build these tests reference, or the executable whose
    /// absolute path <c>ESA_STAGE_TEST_EXECUTABLE</c> gives, such as the Native AOT build of the linux-x64 package.
    /// </summary>
    public static string ToolPath { get; } =
        Environment.GetEnvironmentVariable("ESA_STAGE_TEST_EXECUTABLE") is { Length: > 0 } executable
            ? Path.GetFullPath(executable)
            : Path.Combine(AppContext.BaseDirectory, "esa-stage.dll");

    private static bool IsNativeExecutable => !ToolPath.EndsWith(".dll", StringComparison.Ordinal);

    /// <summary>Gets an empty folder that stands in for the home folder of every run.</summary>
    public static string EmptyHome { get; } = Directory.CreateTempSubdirectory("esa-cli-home-").FullName;

    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(IsNativeExecutable ? ToolPath : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        if (!IsNativeExecutable)
        {
            start.ArgumentList.Add(ToolPath);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Sterilize(start.Environment);
        start.Environment["HOME"] = EmptyHome;
        start.Environment["USERPROFILE"] = EmptyHome;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
    }

    /// <summary>
    /// Removes every CI and credential variable from a child process's environment, and switches off the
    /// credential sources a test must never reach: the ECS metadata service (an address off this machine) and the
    /// CLI profile file in the real home folder.
    /// </summary>
    public static void Sterilize(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (SterilizedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                environment.Remove(name);
            }
        }

        CredentialIsolation.ApplyTo(environment);
    }

    /// <summary>Sends SIGINT, as Ctrl+C does, and waits for the process to end.</summary>
    public static async Task InterruptAsync(Process process)
    {
        using (var kill = Process.Start("kill",
            ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    public static async Task<ToolRun> RunAsync(IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        using var process = Start(arguments, environment, workingDirectory);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
