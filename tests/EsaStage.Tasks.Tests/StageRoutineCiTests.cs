using System.Text.RegularExpressions;
using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests;

[TestClass]
public sealed class StageRoutineCiTests
{
    private const string HostileDescription = "fix\n::error::pwned\n##vso[task.setvariable variable=CodeVersion]666";

    private TaskFixture _fixture = null!;

    [TestInitialize]
    public void CreateFixture() => _fixture = new TaskFixture();

    [TestCleanup]
    public void DeleteFixture() => _fixture.Dispose();

    [TestMethod]
    public async Task Execute_UnderGitHubActions_WritesOutputsToTheFileAndLeaksNoSecret()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var temporary = emulator.IssueTemporaryCredential();
        var outputFile = Path.Combine(_fixture.Directory, "github-output");
        _fixture.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = temporary.AccessKeyId;
        _fixture.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = temporary.AccessKeySecret;
        _fixture.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = temporary.SecurityToken;
        _fixture.Environment["GITHUB_ACTIONS"] = "true";
        _fixture.Environment["GITHUB_OUTPUT"] = outputFile;
        using var task = _fixture.CreateTask(emulator);
        task.CodeDescription = HostileDescription;

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        StringAssert.Contains(File.ReadAllText(outputFile), $"code-version={task.CodeVersion}\n");
        var logged = _fixture.Engine.AllText;
        var upload = emulator.Requests.Single(r => r.FormFields.Count > 0).FormFields.ToDictionary();
        foreach (var secret in new[] { temporary.AccessKeySecret, temporary.SecurityToken, upload["Signature"],
            upload["policy"], upload["callback"] })
        {
            Assert.DoesNotContain(secret, logged);
        }

        Assert.DoesNotContain("::add-mask::", logged);
        AssertNoInjectedCommand(logged);
    }

    [TestMethod]
    public async Task Execute_ReusedUnderGitHubActions_StillWritesTheOutputs()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        var outputFile = Path.Combine(_fixture.Directory, "github-output");
        _fixture.Environment["GITHUB_ACTIONS"] = "true";
        _fixture.Environment["GITHUB_OUTPUT"] = outputFile;
        using var first = _fixture.CreateTask(emulator);
        using var second = _fixture.CreateTask(emulator);

        Assert.IsTrue(first.Execute() && second.Execute(), _fixture.Engine.AllText);

        Assert.IsTrue(second.Reused);
        var lines = File.ReadAllLines(outputFile).Where(l => l.StartsWith("code-version=", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { $"code-version={first.CodeVersion}", $"code-version={first.CodeVersion}" }, lines.ToArray());
    }

    [TestMethod]
    public async Task Execute_GitHubOutputNotWritable_FailsWithEsa5001NamingTheStagedVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        _fixture.Environment["GITHUB_ACTIONS"] = "true";
        _fixture.Environment["GITHUB_OUTPUT"] = _fixture.Directory;
        using var task = _fixture.CreateTask(emulator);

        Assert.IsFalse(task.Execute());

        var staged = emulator.State.GetRoutine("hello-routine")!.StagingCode!.CodeVersion;
        var error = _fixture.Engine.Errors.Single();
        Assert.AreEqual("ESA5001", error.Code);
        StringAssert.Contains(error.Message, $"staged as code version {staged}");
    }

    [TestMethod]
    public async Task Execute_UnderAzurePipelines_SetsOutputVariablesThroughHighImportanceMessages()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        _fixture.Environment["TF_BUILD"] = "True";
        _fixture.Environment["AGENT_TEMPDIRECTORY"] = _fixture.Directory;
        using var task = _fixture.CreateTask(emulator);
        task.CodeDescription = HostileDescription;

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        var high = _fixture.Engine.HighImportanceMessages.ToList();
        CollectionAssert.Contains(high,
            $"##vso[task.setvariable variable=CodeVersion;isoutput=true]{task.CodeVersion}");
        Assert.IsTrue(high.Any(m => m.StartsWith("##vso[task.uploadsummary]" + _fixture.Directory,
            StringComparison.Ordinal)));
        Assert.DoesNotContain(emulator.AccessKeySecret, _fixture.Engine.AllText);
        AssertNoInjectedCommand(_fixture.Engine.AllText);
    }

    [TestMethod]
    public async Task Execute_FailingUnderAzurePipelines_LogsTheIssueWithTheFileAndSetsNoVariable()
    {
        _fixture.Environment["TF_BUILD"] = "True";
        using var task = _fixture.CreateTask();
        task.CodeFile = "dist/missing.js";

        Assert.IsFalse(task.Execute());

        var missing = Path.Combine(_fixture.Directory, "dist", "missing.js");
        var issue = _fixture.Engine.HighImportanceMessages.Single();
        Assert.StartsWith($"##vso[task.logissue type=error;code=ESA1002;sourcepath={missing}]ESA1002: ", issue);
        Assert.AreEqual("ESA1002", _fixture.Engine.Errors.Single().Code);
        Assert.DoesNotContain("task.setvariable", _fixture.Engine.AllText);
    }

    private static void AssertNoInjectedCommand(string logged)
    {
        foreach (var line in logged.Split('\n'))
        {
            Assert.IsFalse(Regex.IsMatch(line.TrimStart(), "^::error::pwned"), line);
            Assert.DoesNotContain("##vso[task.setvariable variable=CodeVersion]666", line);
        }
    }
}
