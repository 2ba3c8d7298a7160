using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EsaStage.Emulator.State;
using EsaStage.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Emulator.Tests.Esa;

[TestClass]
public sealed class StagingOperationsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task GetUploadInfo_KnownRoutine_IssuesAFormThatPinsEveryValue()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], TimeProvider = time, MaxCodeBytes = 4096 });

        var answer = await harness.CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", "hello"),
            ("CodeDescription", "Hello World"));

        Assert.AreEqual(200, answer.Status, answer.Message);
        Assert.AreEqual(JsonValueKind.String, answer.Json.GetProperty("CodeVersion").ValueKind);
        var form = UploadForm.From(answer.Json);
        Assert.MatchesRegex("^[1-9][0-9]{18}$", form.CodeVersion);
        var config = answer.Json.GetProperty("OssPostConfig");
        CollectionAssert.AreEquivalent(
            new[] { "OSSAccessKeyId", "Signature", "Url", "callback", "key", "policy", "x:codeDescription" },
            config.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.AreEqual(harness.Emulator.OssEndpoint, form.Url);
        Assert.AreEqual($"site_er_js/hello.{form.CodeVersion}.unstable.js", form["key"]);
        Assert.AreEqual("IkhlbGxvIFdvcmxkIg==", form["x:codeDescription"]);
        Assert.AreEqual(harness.Emulator.OssCredential.AccessKeyId, form["OSSAccessKeyId"]);
        Assert.AreNotEqual(harness.Emulator.AccessKeyId, form["OSSAccessKeyId"]);

        var callback = Decode(form["callback"]);
        Assert.AreEqual(
            $"{{\"callbackUrl\":\"{harness.Emulator.Endpoint}_oss/callback\",\"callbackBody\":\"bucket=${{bucket}}"
            + "&object=${object}&size=${size}&etag=${etag}&codeDescription=${x:codeDescription}\","
            + "\"callbackBodyType\":\"application/x-www-form-urlencoded\"}", callback);
        Assert.AreEqual(
            "{\"expiration\":\"2026-03-01T10:10:00.000Z\",\"conditions\":[[\"content-length-range\",1,4096],"
            + "{\"bucket\":\"esa-emulator\"},"
            + $"[\"eq\",\"$key\",\"{form["key"]}\"],"
            + $"[\"eq\",\"$callback\",\"{form["callback"]}\"],"
            + "[\"eq\",\"$x:codeDescription\",\"IkhlbGxvIFdvcmxkIg==\"]]}", Decode(form["policy"]));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(harness.Emulator.OssCredential.AccessKeySecret),
            Encoding.UTF8.GetBytes(form["policy"])));
        Assert.AreEqual(expected, form["Signature"]);
    }

    [TestMethod]
    public async Task GetUploadInfo_NoDescription_EncodesAnEmptyJsonString()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var form = await harness.IssueUploadAsync();

        Assert.AreEqual("\"\"", Decode(form["x:codeDescription"]));
    }

    [TestMethod]
    public async Task GetUploadInfo_CalledRepeatedly_IssuesUniqueIncreasingVersions()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], TimeProvider = time });

        var versions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            versions.Add((await harness.IssueUploadAsync()).CodeVersion);
        }

        Assert.IsTrue(versions.All(v => v.Length == 19 && v.All(char.IsAsciiDigit)), string.Join(",", versions));
        CollectionAssert.AreEqual(versions.Order(StringComparer.Ordinal).ToList(), versions);
        Assert.HasCount(3, versions.Distinct());
    }

    [TestMethod]
    public async Task GetUploadInfo_UnknownRoutine_RefusesWithRoutineNotExist()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", "missing"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("RoutineNotExist", answer.Code);
    }

    [TestMethod]
    public async Task GetUploadInfo_RoutineHoldingTenVersions_RefusesWithQuotaError()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        for (var i = 0; i < EmulatorState.DefaultMaxCodeVersions; i++)
        {
            await harness.StageAsync(Encoding.UTF8.GetBytes($"export default {i};"));
        }

        var answer = await harness.CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", "hello"));
        var commit = await harness.CallAsync("CommitRoutineStagingCode", ("Name", "hello"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("CodeVersionNumberExceedQuotaLimit", answer.Code);
        Assert.AreEqual("The maximum number of code versions in your plan has been reached. Delete unused code "
            + "versions and try again.", answer.Message);
        Assert.AreEqual("CodeVersionNumberExceedQuotaLimit", commit.Code);
        Assert.HasCount(10, harness.Emulator.State.GetRoutine("hello")!.CodeVersions);
    }

    [TestMethod]
    public async Task GetUploadInfo_RaisedVersionLimit_StagesPastTenAndRefusesAtTheNewLimit()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], MaxCodeVersions = 12 });
        for (var i = 0; i < 12; i++)
        {
            await harness.StageAsync(Encoding.UTF8.GetBytes($"export default {i};"));
        }

        var answer = await harness.CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", "hello"));

        Assert.AreEqual(12, harness.Emulator.State.MaxCodeVersions);
        Assert.HasCount(12, harness.Emulator.State.GetRoutine("hello")!.CodeVersions);
        Assert.AreEqual("CodeVersionNumberExceedQuotaLimit", answer.Code);
    }

    [TestMethod]
    public async Task StageCommitPublish_HappyPath_UpdatesState()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var code = Encoding.UTF8.GetBytes("export default { fetch() { return new Response('hi'); } };");

        var form = await harness.StageAsync(code, description: "first ✓");
        var commit = await harness.CallAsync("CommitRoutineStagingCode", ("Name", "hello"),
            ("CodeDescription", "release 1"));
        var committed = commit.Text("CodeVersion");
        var publish = await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "staging"),
            ("CodeVersion", committed));

        Assert.AreEqual(200, publish.Status, publish.Message);
        Assert.AreEqual(committed, publish.Text("CodeVersion"));
        var routine = harness.Emulator.State.GetRoutine("hello")!;
        var sha = Convert.ToHexStringLower(SHA256.HashData(code));
        Assert.AreEqual(new StagingCodeSnapshot(form.CodeVersion, "first ✓", routine.StagingCode!.UploadTime,
            code.Length, sha), routine.StagingCode);
        CollectionAssert.AreEqual(code, harness.Emulator.State.GetStagingCode("hello"));
        Assert.HasCount(2, routine.CodeVersions);
        Assert.AreEqual(CodeVersionOrigin.StagingUpload, routine.FindVersion(form.CodeVersion)!.Origin);
        var formal = routine.FindVersion(committed)!;
        Assert.AreEqual((CodeVersionOrigin.Commit, "release 1", sha, "Available"),
            (formal.Origin, formal.Description, formal.Sha256, formal.Status));
        Assert.IsGreaterThan(0, string.CompareOrdinal(committed, form.CodeVersion));
        CollectionAssert.AreEqual(code, harness.Emulator.State.GetCodeVersionCode("hello", committed));
        Assert.AreEqual(committed, routine.Envs["staging"]);
        Assert.IsFalse(routine.Envs.ContainsKey("production"));
    }

    [TestMethod]
    public async Task Commit_WithoutStagingCode_RefusesWithInvalidParameter()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("CommitRoutineStagingCode", ("Name", "hello"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("InvalidParameter", answer.Code);
        StringAssert.Contains(answer.Message, "no staging code");
    }

    [TestMethod]
    public async Task Commit_WithoutDescription_KeepsTheStagingDescription()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.StageAsync("x"u8.ToArray(), description: "from upload");

        var answer = await harness.CallAsync("CommitRoutineStagingCode", ("Name", "hello"));

        var version = harness.Emulator.State.GetRoutine("hello")!.FindVersion(answer.Text("CodeVersion"))!;
        Assert.AreEqual("from upload", version.Description);
    }

    [TestMethod]
    [DataRow("canary", "InvalidParameter.Env")]
    [DataRow("Production", "InvalidParameter.Env")]
    [DataRow("production", "InvalidParameter.CodeVersion")]
    public async Task Publish_BadEnvOrUnknownVersion_Refuses(string env, string expectedCode)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.StageAsync("x"u8.ToArray());

        var answer = await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", env),
            ("CodeVersion", "1000000000000000001"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual(expectedCode, answer.Code);
        Assert.IsEmpty(harness.Emulator.State.GetRoutine("hello")!.Deployments);
    }

    [TestMethod]
    public async Task Publish_SameEnvTwice_ReplacesTheDeployment()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.StageAsync("1"u8.ToArray());
        var second = await harness.StageAsync("2"u8.ToArray());

        await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "production"),
            ("CodeVersion", first.CodeVersion));
        await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "production"),
            ("CodeVersion", second.CodeVersion));

        var routine = harness.Emulator.State.GetRoutine("hello")!;
        Assert.HasCount(1, routine.Deployments);
        Assert.AreEqual(second.CodeVersion, routine.Envs["production"]);
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
