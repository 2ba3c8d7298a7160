using System.Security.Cryptography;
using System.Text.Json;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Commands;

[TestClass]
public sealed class StageCommandTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("esa-cli-test-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public async Task Stage_SampleWithPrivateEmulator_PrintsOnlyTheCodeVersionOnStdout()
    {
        var run = await ToolProcess.RunAsync(
            ["stage", "--emulator", "--name", "hello-routine", "--code", "samples/hello-routine/src/index.js"]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.MatchesRegex("^[0-9]{19}\n$", run.Stdout.ReplaceLineEndings("\n"), run.ToString());
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepositoryPaths.SampleCode)));
        Assert.Contains($"The emulator holds the staged code: {new FileInfo(RepositoryPaths.SampleCode).Length:N0} " +
            $"bytes, sha256 {sha}", run.Stderr);
    }

    [TestMethod]
    public async Task Stage_AgainstRunningEmulatorWithEnvironmentCredentials_StagesAndWritesResultJson()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var resultFile = Path.Combine(_directory, "out", "result.json");

        var run = await ToolProcess.RunAsync(
            ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
                RepositoryPaths.SampleCode, "--description", "fix(*): it's ~done!", "--publish", "production",
                "--result-json", resultFile],
            Credentials(emulator.AccessKeyId, emulator.AccessKeySecret));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var codeVersion = run.Stdout.Trim();
        CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.SampleCode),
            emulator.State.GetStagingCode("hello-routine"));
        using var result = JsonDocument.Parse(File.ReadAllText(resultFile));
        var root = result.RootElement;
        Assert.AreEqual("hello-routine", root.GetProperty("routine").GetString());
        Assert.AreEqual(codeVersion, root.GetProperty("codeVersion").GetString());
        Assert.AreEqual("fix(*): it's ~done!", root.GetProperty("codeDescription").GetString());
        Assert.AreEqual("production", root.GetProperty("publishedEnvironment").GetString());
        Assert.AreEqual(emulator.State.GetRoutine("hello-routine")!.Envs["production"],
            root.GetProperty("committedCodeVersion").GetString());
        Assert.AreEqual(new FileInfo(RepositoryPaths.SampleCode).Length, root.GetProperty("bytes").GetInt64());
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepositoryPaths.SampleCode))),
            root.GetProperty("sha256").GetString());
    }

    [TestMethod]
    public async Task Stage_MissingCodeFile_FailsWithCanonicalErrorAndEmptyStdout()
    {
        var missing = Path.Combine(_directory, "dist", "worker.js");

        var run = await ToolProcess.RunAsync(["stage", "--emulator", "--name", "hello-routine", "--code", missing]);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual(string.Empty, run.Stdout);
        Assert.MatchesRegex($"^error ESA1002: .*{Regex(missing)}", run.Stderr);
        Assert.DoesNotContain("Started the built-in emulator", run.Stderr);
    }

    [TestMethod]
    public async Task Stage_SecretWithTrailingNewline_FailsLocallyWithoutPrintingIt()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });

        var run = await ToolProcess.RunAsync(
            ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
                RepositoryPaths.SampleCode],
            Credentials(emulator.AccessKeyId, emulator.AccessKeySecret + "\n"));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.StartsWith("error ESA1101: ALIBABA_CLOUD_ACCESS_KEY_SECRET", run.Stderr);
        Assert.DoesNotContain(emulator.AccessKeySecret, run.Stderr + run.Stdout);
        Assert.IsEmpty(emulator.Requests);
    }

    [TestMethod]
    public async Task Stage_CallbackFails_ExitsOneWithoutACodeVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.FailCallbacks(1);
        var resultFile = Path.Combine(_directory, "result.json");

        var run = await ToolProcess.RunAsync(
            ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
                RepositoryPaths.SampleCode, "--result-json", resultFile],
            Credentials(emulator.AccessKeyId, emulator.AccessKeySecret));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual(string.Empty, run.Stdout);
        Assert.Contains("error ESA3002: The code was uploaded but the ESA callback failed", run.Stderr);
        Assert.IsFalse(File.Exists(resultFile));
    }

    [TestMethod]
    public async Task Stage_InterruptedDuringAnApiCall_ExitsWith130AndNoCodeVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.DelayRequests(EsaStage.Emulator.Faults.FaultTarget.Esa, 1, TimeSpan.FromSeconds(60));
        using var stage = ToolProcess.Start(
            ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
                RepositoryPaths.SampleCode],
            Credentials(emulator.AccessKeyId, emulator.AccessKeySecret));
        var stdout = stage.StandardOutput.ReadToEndAsync();
        var firstLine = await stage.StandardError.ReadLineAsync();
        StringAssert.StartsWith(firstLine, "Staging routine 'hello-routine'");
        await Task.Delay(500);

        await ToolProcess.InterruptAsync(stage);

        var stderr = await stage.StandardError.ReadToEndAsync();
        Assert.AreEqual(130, stage.ExitCode, stderr);
        Assert.AreEqual(string.Empty, await stdout);
        Assert.Contains("error ESA9002: Staging was cancelled", stderr);
        Assert.IsNull(emulator.State.GetStagingCode("hello-routine"));
    }

    [TestMethod]
    [DataRow("--publish", "canary", "error ESA1009: --publish is 'canary', but it must be 'staging' or 'production'")]
    [DataRow("--timeout", "0", "error ESA1011: --timeout is '0', but it must be a whole number from 1 to 86400")]
    [DataRow("--timeout", "abc", "error ESA1011: --timeout is 'abc'")]
    [DataRow("--timeout", "99999999999", "error ESA1011: --timeout is '99999999999'")]
    [DataRow("--upload-timeout", "1.5", "error ESA1011: --upload-timeout is '1.5'")]
    [DataRow("--max-code-size", "1e3", "error ESA1011: --max-code-size is '1e3'")]
    [DataRow("--result-json", "samples/hello-routine/src/index.js", "error ESA1011: --result-json")]
    public async Task Stage_InvalidOptionValue_FailsBeforeStarting(string option, string value, string message)
    {
        var run = await ToolProcess.RunAsync(
            ["stage", "--emulator", "--name", "hello-routine", "--code", RepositoryPaths.SampleCode, option, value]);

        Assert.AreNotEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr);
        Assert.DoesNotContain("Started the built-in emulator", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
    }

    [TestMethod]
    public async Task Stage_EmulatorWithEndpoint_IsRefused()
    {
        var run = await ToolProcess.RunAsync(["stage", "--emulator", "--endpoint", "127.0.0.1:1", "--name",
            "hello-routine", "--code", RepositoryPaths.SampleCode]);

        Assert.AreNotEqual(0, run.ExitCode, run.ToString());
        Assert.Contains("leave out --endpoint", run.Stderr);
    }

    [TestMethod]
    [DataRow("esa..aliyuncs.com", "ESA1007")]
    [DataRow("http://esa.example.com", "ESA1007")]
    public async Task Stage_MalformedEndpoint_FailsLocally(string endpoint, string code)
    {
        var run = await ToolProcess.RunAsync(["stage", "--endpoint", endpoint, "--name", "hello-routine", "--code",
            RepositoryPaths.SampleCode], Credentials("id", "secret"));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.StartsWith($"error {code}:", run.Stderr);
    }

    [TestMethod]
    public async Task Stage_UnknownCommand_ReportsOnStderrOnly()
    {
        var run = await ToolProcess.RunAsync(["stag", "--name", "x"]);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual(string.Empty, run.Stdout);
        Assert.StartsWith("error ESA1011:", run.Stderr);
    }

    [TestMethod]
    public async Task Stage_SymbolicLinkToTheCode_UploadsTheTargetsBytes()
    {
        var link = Path.Combine(_directory, "worker.js");
        File.CreateSymbolicLink(link, RepositoryPaths.SampleCode);

        var run = await ToolProcess.RunAsync(["stage", "--emulator", "--name", "hello-routine", "--code", link]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.Contains($"({new FileInfo(RepositoryPaths.SampleCode).Length:N0} bytes)", run.Stderr);
    }

    [TestMethod]
    public async Task Stage_GitHubOutputIsADirectory_FailsNamingTheStagedVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var environment = Credentials(emulator.AccessKeyId, emulator.AccessKeySecret);
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_OUTPUT"] = _directory;

        var run = await ToolProcess.RunAsync(["stage", "--endpoint", emulator.Endpoint.Authority, "--name",
            "hello-routine", "--code", RepositoryPaths.SampleCode], environment);

        var staged = emulator.State.GetRoutine("hello-routine")!.StagingCode!.CodeVersion;
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.Contains($"error ESA5001: The code was staged as code version {staged}", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
    }

    [TestMethod]
    public async Task Help_Stage_DescribesEveryContractOption()
    {
        var run = await ToolProcess.RunAsync(["stage", "--help"]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        foreach (var option in new[] { "--name", "--code", "--description", "--endpoint", "--region", "--commit",
            "--publish", "--result-json", "--emulator" })
        {
            Assert.Contains(option, run.Stdout);
        }
    }

    private static Dictionary<string, string> Credentials(string id, string secret) => new()
    {
        ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = id,
        ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = secret,
    };

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
