using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests;

[TestClass]
public sealed class StageRoutineConfigTests
{
    private TaskFixture _fixture = null!;

    [TestInitialize]
    public void CreateFixture() => _fixture = new TaskFixture();

    [TestCleanup]
    public void DeleteFixture() => _fixture.Dispose();

    [TestMethod]
    public async Task Execute_OnlyEsaJsonc_StagesItsEntryUnderItsName()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["jsonc-routine"] });
        _fixture.UseCredentialsOf(emulator);
        File.WriteAllText(Path.Combine(_fixture.Directory, "esa.jsonc"),
            "{ \"name\": \"jsonc-routine\", \"entry\": \"dist/index.js\", }");
        using var task = _fixture.CreateTask(emulator);
        task.RoutineName = string.Empty;
        task.CodeFile = null;

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        Assert.AreEqual(task.CodeVersion, emulator.State.GetRoutine("jsonc-routine")!.StagingCode!.CodeVersion);
    }

    [TestMethod]
    public async Task Execute_PropertiesAndEsaJsonc_PropertiesWin()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        _fixture.UseCredentialsOf(emulator);
        File.WriteAllText(Path.Combine(_fixture.Directory, "esa.jsonc"),
            "{ \"name\": \"other\", \"entry\": \"x.js\" }");
        using var task = _fixture.CreateTask(emulator);

        Assert.IsTrue(task.Execute(), _fixture.Engine.AllText);

        Assert.IsNotNull(emulator.State.GetRoutine("hello-routine")!.StagingCode);
    }

    [TestMethod]
    public void Execute_BrokenEsaToml_LogsEsa1012AtTheLineInThatFile()
    {
        var toml = Path.Combine(_fixture.Directory, "esa.toml");
        File.WriteAllText(toml, "name = \"hello-routine\"\nentry = [\n");
        using var task = _fixture.CreateTask();
        task.RoutineName = null;

        Assert.IsFalse(task.Execute());

        var error = _fixture.Engine.Errors.Single();
        Assert.AreEqual("ESA1012", error.Code);
        Assert.AreEqual(toml, error.File);
        Assert.IsGreaterThan(0, error.LineNumber);
    }

    [TestMethod]
    public void Execute_EsaJsoncWithoutEntry_LogsEsa1002NamingTheFile()
    {
        var jsonc = Path.Combine(_fixture.Directory, "esa.jsonc");
        File.WriteAllText(jsonc, "{ \"name\": \"hello-routine\" }");
        using var task = _fixture.CreateTask();
        task.CodeFile = string.Empty;

        Assert.IsFalse(task.Execute());

        var error = _fixture.Engine.Errors.Single();
        Assert.AreEqual("ESA1002", error.Code);
        Assert.AreEqual(jsonc, error.File);
        StringAssert.Contains(error.Message, "has no \"entry\"");
    }
}
