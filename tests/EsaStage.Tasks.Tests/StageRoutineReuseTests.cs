using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests;

[TestClass]
public sealed class StageRoutineReuseTests
{
    private TaskFixture _fixture = null!;

    [TestInitialize]
    public void CreateFixture() => _fixture = new TaskFixture();

    [TestCleanup]
    public void DeleteFixture() => _fixture.Dispose();

    [TestMethod]
    public async Task Execute_SameCodeAgain_ReusesTheCodeVersionWithNoRequest()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        var first = Stage(emulator);
        var requests = emulator.Requests.Count;

        using var task = _fixture.CreateTask(emulator);
        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        Assert.AreEqual(first, task.CodeVersion);
        Assert.IsTrue(task.Reused);
        Assert.HasCount(requests, emulator.Requests);
        StringAssert.Contains(_fixture.Engine.HighImportanceMessages.Last(),
            $"reused code version {first}, staged earlier from the same code");
    }

    [TestMethod]
    [DataRow("force")]
    [DataRow("code")]
    [DataRow("description")]
    [DataRow("account")]
    public async Task Execute_ForcedOrChanged_StagesANewCodeVersion(string change)
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        var first = Stage(emulator);

        using var task = _fixture.CreateTask(emulator);
        switch (change)
        {
            case "force":
                task.ForceStage = true;
                break;
            case "code":
                File.AppendAllText(_fixture.CodeFile, "// changed\n");
                break;
            case "account":
                var other = emulator.IssueTemporaryCredential();
                _fixture.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = other.AccessKeyId;
                _fixture.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = other.AccessKeySecret;
                _fixture.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = other.SecurityToken;
                break;
            default:
                task.CodeDescription = "release 2";
                break;
        }

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        Assert.AreNotEqual(first, task.CodeVersion);
        Assert.IsFalse(task.Reused);
        Assert.AreEqual(task.CodeVersion, emulator.State.GetRoutine("hello-routine")!.StagingCode!.CodeVersion);
    }

    [TestMethod]
    public async Task Execute_NoStampFile_StagesEveryTime()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        using var first = _fixture.CreateTask(emulator);
        first.StampFile = string.Empty;
        using var second = _fixture.CreateTask(emulator);
        second.StampFile = string.Empty;

        Assert.IsTrue(first.Execute() && second.Execute(), _fixture.Engine.AllText);

        Assert.AreNotEqual(first.CodeVersion, second.CodeVersion);
    }

    [TestMethod]
    public async Task Execute_UnreadableStamp_IsIgnoredAndReplaced()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        Directory.CreateDirectory(Path.GetDirectoryName(_fixture.StampFile)!);
        File.WriteAllText(_fixture.StampFile, "{ not json");

        var staged = Stage(emulator);

        StringAssert.Contains(File.ReadAllText(_fixture.StampFile), staged);
    }

    private string Stage(EsaEmulator emulator)
    {
        using var task = _fixture.CreateTask(emulator);
        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);
        Assert.IsFalse(task.Reused);
        return task.CodeVersion!;
    }
}
