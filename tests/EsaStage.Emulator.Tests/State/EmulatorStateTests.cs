using System.Text;
using EsaStage.Emulator.State;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.State;

[TestClass]
public sealed class EmulatorStateTests
{
    [TestMethod]
    public async Task CreateRoutine_Programmatic_IsVisibleToTheApi()
    {
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions());

        var created = harness.Emulator.State.CreateRoutine("made-in-test", "from code");
        var answer = await harness.CallAsync("GetRoutine", ("Name", "made-in-test"));

        Assert.AreEqual("made-in-test", created.Name);
        Assert.AreEqual(200, answer.Status, answer.Message);
        Assert.Throws<InvalidOperationException>(() => harness.Emulator.State.CreateRoutine("made-in-test"));
        Assert.Throws<ArgumentException>(() => harness.Emulator.State.CreateRoutine("-bad"));
    }

    [TestMethod]
    public async Task Reads_UnknownRoutineOrVersion_ReturnNull()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello"] });

        Assert.IsNull(emulator.State.GetRoutine("nope"));
        Assert.IsNull(emulator.State.GetStagingCode("nope"));
        Assert.IsNull(emulator.State.GetStagingCode("hello"));
        Assert.IsNull(emulator.State.GetCodeVersionCode("hello", "1000000000000000000"));
        Assert.HasCount(1, emulator.State.GetRoutines());
    }

    [TestMethod]
    public async Task DataDirectory_Restart_KeepsRoutinesVersionsEnvsCodeAndCredentials()
    {
        using var folder = new TemporaryDirectory();
        var options = new EmulatorOptions { Routines = ["hello"], DataDirectory = folder.Path };
        var code = Encoding.UTF8.GetBytes("export default 'kept';");
        string staged, committed, accessKeyId, accessKeySecret;
        RoutineSnapshot before;
        await using (var first = await EmulatorHarness.StartAsync(options))
        {
            staged = (await first.StageAsync(code, description: "persisted")).CodeVersion;
            committed = (await first.CallAsync("CommitRoutineStagingCode", ("Name", "hello"))).Text("CodeVersion");
            await first.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "production"),
                ("CodeVersion", committed));
            (accessKeyId, accessKeySecret) = (first.Emulator.AccessKeyId, first.Emulator.AccessKeySecret);
            before = first.Emulator.State.GetRoutine("hello")!;
        }

        await using var second = await EmulatorHarness.StartAsync(options);

        var after = second.Emulator.State.GetRoutine("hello")!;
        Assert.AreEqual((accessKeyId, accessKeySecret),
            (second.Emulator.AccessKeyId, second.Emulator.AccessKeySecret));
        Assert.AreEqual(before.StagingCode, after.StagingCode);
        CollectionAssert.AreEqual(before.CodeVersions.ToList(), after.CodeVersions.ToList());
        CollectionAssert.AreEqual(before.Deployments.ToList(), after.Deployments.ToList());
        Assert.AreEqual(before.DefaultRelatedRecord, after.DefaultRelatedRecord);
        CollectionAssert.AreEqual(code, second.Emulator.State.GetStagingCode("hello"));
        CollectionAssert.AreEqual(code, second.Emulator.State.GetCodeVersionCode("hello", staged));
        var next = await second.StageAsync("next"u8.ToArray());
        Assert.IsGreaterThan(0, string.CompareOrdinal(next.CodeVersion, committed));
        Assert.HasCount(3, second.Emulator.State.GetRoutine("hello")!.CodeVersions);
    }

    [TestMethod]
    public async Task DataDirectory_Restart_KeepsTheOssAccessKeyAndIndex()
    {
        using var folder = new TemporaryDirectory();
        var options = new EmulatorOptions { Routines = ["hello"], DataDirectory = folder.Path };
        string ossAccessKeyId;
        await using (var first = await EmulatorHarness.StartAsync(options))
        {
            ossAccessKeyId = (await first.IssueUploadAsync())["OSSAccessKeyId"];
        }

        await using var second = await EmulatorHarness.StartAsync(options);

        Assert.AreEqual(ossAccessKeyId, (await second.IssueUploadAsync())["OSSAccessKeyId"]);
        Assert.IsTrue(File.Exists(folder.File("state.json")));
    }

    [TestMethod]
    public async Task NoDataDirectory_Dispose_RemovesTheTemporaryCodeFolder()
    {
        var harness = await EmulatorHarness.StartAsync();
        await harness.StageAsync("temporary"u8.ToArray());
        var root = harness.Emulator.CodeRoot;
        Assert.IsNotEmpty(Directory.GetFiles(Path.Combine(root, "objects")));

        await harness.DisposeAsync();

        Assert.IsFalse(Directory.Exists(root));
    }
}
