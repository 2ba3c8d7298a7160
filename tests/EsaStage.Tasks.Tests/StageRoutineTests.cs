using System.Security.Cryptography;
using System.Text;
using EsaStage.Emulator;
using EsaStage.Emulator.Faults;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests;

[TestClass]
public sealed class StageRoutineTests
{
    private TaskFixture _fixture = null!;

    [TestInitialize]
    public void CreateFixture() => _fixture = new TaskFixture();

    [TestCleanup]
    public void DeleteFixture() => _fixture.Dispose();

    [TestMethod]
    public async Task Execute_AgainstEmulator_SetsOutputsAndEmulatorHoldsTheBytes()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        using var task = _fixture.CreateTask(emulator);

        var succeeded = task.Execute();

        Assert.IsTrue(succeeded, _fixture.Engine.AllText);
        var staged = emulator.State.GetRoutine("hello-routine")!.StagingCode!;
        Assert.AreEqual(staged.CodeVersion, task.CodeVersion);
        Assert.MatchesRegex("^[0-9]{19}$", task.CodeVersion);
        Assert.AreEqual(Sha256(TaskFixture.Code), staged.Sha256);
        Assert.IsNull(task.CommittedCodeVersion);
        Assert.IsFalse(task.Reused);
        Assert.IsEmpty(_fixture.Engine.Errors);
        Assert.Contains($"Routine 'hello-routine': staged code version {task.CodeVersion}",
            _fixture.Engine.HighImportanceMessages.Single());
    }

    [TestMethod]
    public async Task Execute_PublishToStaging_CommitsAndSetsCommittedOutputs()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        using var task = _fixture.CreateTask(emulator);
        task.PublishEnvironment = "Staging";

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        Assert.MatchesRegex("^[0-9]{19}$", task.CommittedCodeVersion);
        Assert.AreEqual("staging", task.PublishedEnvironment);
        Assert.AreEqual(task.CommittedCodeVersion,
            emulator.State.GetRoutine("hello-routine")!.Envs["staging"]);
    }

    [TestMethod]
    public async Task Execute_EmulatorTrue_StagesOnAPrivateEmulatorWithoutCredentials()
    {
        using var task = _fixture.CreateTask();
        task.Emulator = true;

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        Assert.MatchesRegex("^[0-9]{19}$", task.CodeVersion);
        StringAssert.Contains(_fixture.Engine.AllText, "The emulator holds the staged code");
        Assert.IsFalse(File.Exists(_fixture.StampFile), "An emulator staging is never kept for reuse.");
    }

    [TestMethod]
    public async Task Execute_NoRoutineNameAnywhere_LogsEsa1001AgainstTheProjectAndSendsNothing()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        using var task = _fixture.CreateTask(emulator);
        task.RoutineName = string.Empty;

        Assert.IsFalse(task.Execute());

        var error = _fixture.Engine.Errors.Single();
        Assert.AreEqual("ESA1001", error.Code);
        Assert.AreEqual(_fixture.ProjectFile, error.File);
        StringAssert.Contains(error.Message, "EsaRoutineName is not set");
        StringAssert.Contains(error.Message, "esa.jsonc");
        Assert.IsEmpty(emulator.Requests);
        Assert.IsNull(task.CodeVersion);
    }

    [TestMethod]
    public async Task Execute_MissingCodeFile_LogsEsa1002AgainstTheCodeFileAndSendsNothing()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        using var task = _fixture.CreateTask(emulator);
        task.CodeFile = "dist/missing.js";

        Assert.IsFalse(task.Execute());

        var error = _fixture.Engine.Errors.Single();
        Assert.AreEqual("ESA1002", error.Code);
        Assert.AreEqual(Path.Combine(_fixture.Directory, "dist", "missing.js"), error.File);
        Assert.IsEmpty(emulator.Requests);
    }

    [TestMethod]
    public async Task Execute_NoCredentials_LogsEsa1100AndSendsNothing()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        using var task = _fixture.CreateTask(emulator);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("ESA1100", _fixture.Engine.Errors.Single().Code);
        Assert.IsEmpty(emulator.Requests);
        Assert.IsNull(task.CodeVersion);
    }

    [TestMethod]
    public async Task Execute_VersionQuotaReached_LogsEsa2002AndReportsNoCodeVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.FailEsaRequests(1, 400, "CodeVersionNumberExceedQuotaLimit", "Quota exceeded.");
        _fixture.UseCredentialsOf(emulator);
        using var task = _fixture.CreateTask(emulator);

        Assert.IsFalse(task.Execute());

        var error = _fixture.Engine.Errors.Single();
        Assert.AreEqual("ESA2002", error.Code);
        StringAssert.Contains(error.Message, "hello-routine");
        Assert.IsNull(task.CodeVersion);
        Assert.IsFalse(File.Exists(_fixture.StampFile));
    }

    [TestMethod]
    public async Task Execute_CancelledWhileWaitingForTheService_LogsEsa9002AndReportsNoCodeVersion()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.DelayRequests(FaultTarget.Esa, 1, TimeSpan.FromMinutes(2));
        _fixture.UseCredentialsOf(emulator);
        using var task = _fixture.CreateTask(emulator);

        var execution = Task.Run(task.Execute);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        task.Cancel();
        var succeeded = await execution.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.IsFalse(succeeded);
        Assert.AreEqual("ESA9002", _fixture.Engine.Errors.Single().Code);
        Assert.IsNull(task.CodeVersion);
        Assert.IsNull(emulator.State.GetRoutine("hello-routine")!.StagingCode);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
