using System.Text;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Esa;

[TestClass]
public sealed class RoutineOperationsTests
{
    [TestMethod]
    public async Task CreateRoutine_ValidName_AnswersOkAndCreatesIt()
    {
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions());

        var answer = await harness.CallAsync("CreateRoutine", ("Name", "my-edge-1"), ("Description", "desc"));

        Assert.AreEqual(200, answer.Status, answer.Message);
        Assert.AreEqual("OK", answer.Text("Status"));
        Assert.AreEqual("desc", harness.Emulator.State.GetRoutine("my-edge-1")?.Description);
    }

    [TestMethod]
    [DataRow("a")]
    [DataRow("Hello")]
    [DataRow("1abc")]
    [DataRow("abc-")]
    [DataRow("ab_c")]
    [DataRow("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd")]
    public async Task CreateRoutine_InvalidName_RefusesWithInvalidParameterName(string name)
    {
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions());

        var answer = await harness.CallAsync("CreateRoutine", ("Name", name));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("InvalidParameter.Name", answer.Code);
        Assert.IsEmpty(harness.Emulator.State.GetRoutines());
    }

    [TestMethod]
    public async Task CreateRoutine_ExistingName_RefusesWithRoutineNameAlreadyExist()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("CreateRoutine", ("Name", "hello"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("RoutineNameAlreadyExist", answer.Code);
    }

    [TestMethod]
    public async Task GetRoutine_AfterPublish_ShowsEnvsInTheSdkShape()
    {
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions());
        await harness.CallAsync("CreateRoutine", ("Name", "hello"), ("Description", "Hello World"));
        var form = await harness.StageAsync("x"u8.ToArray(), description: "v1");
        await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "production"),
            ("CodeVersion", form.CodeVersion));

        var answer = await harness.CallAsync("GetRoutine", ("Name", "hello"));

        Assert.AreEqual(200, answer.Status, answer.Message);
        Assert.AreEqual(Convert.ToBase64String(Encoding.UTF8.GetBytes("Hello World")), answer.Text("Description"));
        Assert.MatchesRegex(@"^hello\.[0-9a-f]+\.er\.aliyun-esa\.net$", answer.Text("DefaultRelatedRecord"));
        Assert.MatchesRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", answer.Text("CreateTime"));
        Assert.IsFalse(answer.Json.GetProperty("HasAssets").GetBoolean());
        var envs = answer.Json.GetProperty("Envs").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "staging", "production" },
            envs.Select(e => e.GetProperty("Env").GetString()).ToArray());
        Assert.AreEqual(0, envs[0].GetProperty("CodeDeploy").GetProperty("CodeVersions").GetArrayLength());
        var deploy = envs[1].GetProperty("CodeDeploy");
        Assert.AreEqual("percentage", deploy.GetProperty("Strategy").GetString());
        Assert.AreNotEqual(string.Empty, deploy.GetProperty("DeployId").GetString());
        var deployed = deploy.GetProperty("CodeVersions").EnumerateArray().Single();
        Assert.AreEqual(form.CodeVersion, deployed.GetProperty("CodeVersion").GetString());
        Assert.AreEqual(100, deployed.GetProperty("Percentage").GetInt32());
        Assert.AreEqual("v1", deployed.GetProperty("Description").GetString());
    }

    [TestMethod]
    public async Task ListCodeVersions_WithStagingCode_LeadsWithUnstableThenNewestFirst()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.StageAsync("1"u8.ToArray(), description: "one");
        var second = await harness.StageAsync("2"u8.ToArray(), description: "two");
        var commit = (await harness.CallAsync("CommitRoutineStagingCode", ("Name", "hello"))).Text("CodeVersion");

        var answer = await harness.CallAsync("ListRoutineCodeVersions", ("Name", "hello"));

        Assert.AreEqual(200, answer.Status, answer.Message);
        var versions = answer.Json.GetProperty("CodeVersions").EnumerateArray()
            .Select(v => v.GetProperty("CodeVersion").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "unstable", commit, second.CodeVersion, first.CodeVersion }, versions);
        Assert.AreEqual(4, answer.Json.GetProperty("TotalCount").GetInt32());
        Assert.AreEqual(1, answer.Json.GetProperty("PageNumber").GetInt32());
        Assert.AreEqual(20, answer.Json.GetProperty("PageSize").GetInt32());
        var unstable = answer.Json.GetProperty("CodeVersions")[0];
        Assert.AreEqual("two", unstable.GetProperty("CodeDescription").GetString());
        Assert.AreEqual("Available", unstable.GetProperty("Status").GetString());
    }

    [TestMethod]
    public async Task ListCodeVersions_SecondPage_SkipsTheFirst()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.StageAsync("1"u8.ToArray());
        await harness.StageAsync("2"u8.ToArray());

        var answer = await harness.CallAsync("ListRoutineCodeVersions", ("Name", "hello"), ("PageNumber", "2"),
            ("PageSize", "2"));

        Assert.AreEqual(3, answer.Json.GetProperty("TotalCount").GetInt32());
        Assert.AreEqual(first.CodeVersion,
            answer.Json.GetProperty("CodeVersions").EnumerateArray().Single().GetProperty("CodeVersion").GetString());
    }

    [TestMethod]
    public async Task ListCodeVersions_NoStagingCode_HasNoUnstable()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("ListRoutineCodeVersions", ("Name", "hello"));

        Assert.AreEqual(0, answer.Json.GetProperty("TotalCount").GetInt32());
        Assert.AreEqual(0, answer.Json.GetProperty("CodeVersions").GetArrayLength());
    }

    [TestMethod]
    public async Task DeleteCodeVersion_Deployed_RefusesWithCodeVersionInUse()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.StageAsync("1"u8.ToArray());
        await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "staging"),
            ("CodeVersion", form.CodeVersion));

        var answer = await harness.CallAsync("DeleteRoutineCodeVersion", ("Name", "hello"),
            ("CodeVersion", form.CodeVersion));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("CodeVersionInUse", answer.Code);
        Assert.IsNotNull(harness.Emulator.State.GetRoutine("hello")!.FindVersion(form.CodeVersion));
    }

    [TestMethod]
    [DataRow("1000000000000000001")]
    [DataRow("unstable")]
    public async Task DeleteCodeVersion_Unknown_RefusesWithInvalidParameterCodeVersion(string codeVersion)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.StageAsync("1"u8.ToArray());

        var answer = await harness.CallAsync("DeleteRoutineCodeVersion", ("Name", "hello"),
            ("CodeVersion", codeVersion));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("InvalidParameter.CodeVersion", answer.Code);
    }

    [TestMethod]
    public async Task DeleteCodeVersion_AtTheQuota_FreesAVersion()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var forms = new List<UploadForm>();
        for (var i = 0; i < 10; i++)
        {
            forms.Add(await harness.StageAsync(Encoding.UTF8.GetBytes(i.ToString(
                System.Globalization.CultureInfo.InvariantCulture))));
        }

        var deleted = await harness.CallAsync("DeleteRoutineCodeVersion", ("Name", "hello"),
            ("CodeVersion", forms[0].CodeVersion));
        var next = await harness.CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", "hello"));

        Assert.AreEqual("OK", deleted.Text("Status"));
        Assert.AreEqual(200, next.Status, next.Message);
        Assert.IsNull(harness.Emulator.State.GetRoutine("hello")!.FindVersion(forms[0].CodeVersion));
    }

    [TestMethod]
    public async Task GetErService_Always_AnswersRunning()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("GetErService");

        Assert.AreEqual("Running", answer.Text("Status"));
    }
}
