using System.Text.RegularExpressions;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Commands;

[TestClass]
public sealed class StageCommandCiTests
{
    private const string HostileDescription = "fix\n::error::pwned\n##vso[task.setvariable variable=CodeVersion]666";

    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("esa-ci-test-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public async Task Stage_UnderGitHubActions_WritesOutputsSummaryAndMasksBeforePrinting()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var outputFile = Path.Combine(_directory, "output");
        var summaryFile = Path.Combine(_directory, "summary.md");
        var environment = Credentials(emulator);
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_OUTPUT"] = outputFile;
        environment["GITHUB_STEP_SUMMARY"] = summaryFile;

        var run = await ToolProcess.RunAsync(StageArguments(emulator, HostileDescription), environment);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var codeVersion = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        Assert.MatchesRegex("^[0-9]{19}$", codeVersion);
        var outputs = File.ReadAllText(outputFile);
        StringAssert.Contains(outputs, $"code-version={codeVersion}\n");
        Assert.Contains("::add-mask::" + emulator.AccessKeySecret, run.Stdout);
        Assert.DoesNotContain($"::add-mask::{codeVersion}", run.Stdout);
        Assert.Contains("<code>" + codeVersion + "</code>", File.ReadAllText(summaryFile));
        AssertNoInjectedCommand(run);
    }

    [TestMethod]
    public async Task Stage_UnderAzurePipelines_SetsOutputVariables()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var environment = Credentials(emulator);
        environment["TF_BUILD"] = "True";
        environment["AGENT_TEMPDIRECTORY"] = _directory;

        var run = await ToolProcess.RunAsync(StageArguments(emulator, HostileDescription), environment);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var codeVersion = emulator.State.GetRoutine("hello-routine")!.StagingCode!.CodeVersion;
        var stdout = run.Stdout.ReplaceLineEndings("\n");
        Assert.Contains($"##vso[task.setvariable variable=CodeVersion]{codeVersion}\n", stdout);
        Assert.Contains($"##vso[task.setvariable variable=CodeVersion;isoutput=true]{codeVersion}\n", stdout);
        Assert.Contains("##vso[task.setsecret]" + emulator.AccessKeySecret, run.Stdout);
        Assert.Contains("##vso[task.uploadsummary]" + _directory, run.Stdout);
        AssertNoInjectedCommand(run);
    }

    [TestMethod]
    public async Task Stage_FailingUnderAzurePipelines_LogsOneIssueWithTheFileAndSetsNoVariable()
    {
        var missing = Path.Combine(_directory, "worker.js");

        var run = await ToolProcess.RunAsync(["stage", "--emulator", "--name", "hello-routine", "--code", missing],
            new Dictionary<string, string> { ["TF_BUILD"] = "True" });

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        var issues = run.Stdout.Split('\n').Where(l => l.StartsWith("##vso[task.logissue", StringComparison.Ordinal));
        Assert.AreEqual(
            $"##vso[task.logissue type=error;code=ESA1002;sourcepath={missing}]ESA1002: The code file '{missing}' " +
            "does not exist. Build the routine first, or fix the path.",
            issues.Single().TrimEnd('\r'));
        Assert.DoesNotContain("task.setvariable", run.Stdout);
    }

    private static void AssertNoInjectedCommand(ToolRun run)
    {
        foreach (var line in (run.Stdout + "\n" + run.Stderr).Split('\n'))
        {
            Assert.IsFalse(Regex.IsMatch(line.TrimStart(), "^::error::pwned"), line);
            Assert.DoesNotContain("##vso[task.setvariable variable=CodeVersion]666", line);
        }
    }

    private static string[] StageArguments(EsaEmulator emulator, string description) =>
        ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
            RepositoryPaths.SampleCode, "--description", description, "--verbosity", "Detailed"];

    private static Dictionary<string, string> Credentials(EsaEmulator emulator) => new()
    {
        ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId,
        ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret,
    };
}
