using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Admin;

[TestClass]
public sealed class AdminApiHandlerTests
{
    [TestMethod]
    public async Task CreateRoutine_ThenList_ShowsIt()
    {
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions());

        using var created = await harness.Http.PostAsync(Admin(harness, "routines?name=from-node"), null);
        using var duplicate = await harness.Http.PostAsync(Admin(harness, "routines?name=from-node"), null);
        using var invalid = await harness.Http.PostAsync(Admin(harness, "routines?name=Bad_Name"), null);
        var list = await GetJsonAsync(harness, "routines");

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.AreEqual("from-node",
            list.GetProperty("Routines").EnumerateArray().Single().GetProperty("Name").GetString());
        Assert.IsNotNull(harness.Emulator.State.GetRoutine("from-node"));
    }

    [TestMethod]
    public async Task GetRoutine_AfterStaging_ShowsVersionsEnvsAndStagingCode()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var code = "export default 1;"u8.ToArray();
        var form = await harness.StageAsync(code, description: "admin");
        await harness.CallAsync("PublishRoutineCodeVersion", ("Name", "hello"), ("Env", "staging"),
            ("CodeVersion", form.CodeVersion));

        var routine = await GetJsonAsync(harness, "routines/hello");

        var staging = routine.GetProperty("StagingCode");
        Assert.AreEqual(code.Length, staging.GetProperty("Length").GetInt64());
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(code)), staging.GetProperty("Sha256").GetString());
        var version = routine.GetProperty("CodeVersions").EnumerateArray().Single();
        Assert.AreEqual(form.CodeVersion, version.GetProperty("CodeVersion").GetString());
        Assert.AreEqual("StagingUpload", version.GetProperty("Origin").GetString());
        Assert.AreEqual(form.CodeVersion, routine.GetProperty("Envs").GetProperty("staging").GetString());
        Assert.AreEqual(JsonValueKind.Null, routine.GetProperty("Envs").GetProperty("production").ValueKind);
    }

    [TestMethod]
    public async Task GetCode_StagingAndVersion_ReturnTheRawBytes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var code = Encoding.UTF8.GetBytes("export default '路由';");
        var form = await harness.StageAsync(code);

        using var staging = await harness.Http.GetAsync(Admin(harness, "routines/hello/code"));
        using var version =
            await harness.Http.GetAsync(Admin(harness, $"routines/hello/versions/{form.CodeVersion}/code"));
        using var missing = await harness.Http.GetAsync(Admin(harness, "routines/hello/versions/1/code"));
        using var unknown = await harness.Http.GetAsync(Admin(harness, "routines/nope"));

        Assert.AreEqual("application/javascript", staging.Content.Headers.ContentType?.MediaType);
        CollectionAssert.AreEqual(code, await staging.Content.ReadAsByteArrayAsync());
        CollectionAssert.AreEqual(code, await version.Content.ReadAsByteArrayAsync());
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [TestMethod]
    public async Task PostFaults_EsaErrorRule_FailsTheNextCallWithIt()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var added = await PostFaultAsync(harness, """
            {"kind":"esa-error","count":1,"action":"GetRoutine","status":400,"code":"Throttling.Api",
             "message":"Request was denied due to api flow control.","retryAfter":3}
            """);
        var failed = await harness.CallAsync("GetRoutine", ("Name", "hello"));
        var next = await harness.CallAsync("GetRoutine", ("Name", "hello"));

        Assert.AreEqual(HttpStatusCode.NoContent, added.StatusCode);
        Assert.AreEqual((400, "Throttling.Api"), (failed.Status, failed.Code));
        Assert.AreEqual("3", failed.Headers.GetValues("x-acs-retry-after").Single());
        Assert.AreEqual(200, next.Status);
    }

    [TestMethod]
    public async Task PostFaults_EveryKind_IsApplied()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();

        using var oss = await PostFaultAsync(harness,
            """{"kind":"oss-error","status":403,"code":"AccessDenied","message":"no"}""");
        using var ossFailed = await harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));
        using var callback = await PostFaultAsync(harness, """{"kind":"callback-failure","count":1}""");
        using var callbackFailed = await harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));
        using var drop = await PostFaultAsync(harness, """{"kind":"drop","target":"esa"}""");
        await Assert.ThrowsAsync<HttpRequestException>(() => harness.CallAsync("GetRoutine", ("Name", "hello")));
        using var delay = await PostFaultAsync(harness, """{"kind":"delay","target":"oss","milliseconds":1}""");
        using var lifetime = await PostFaultAsync(harness, """{"kind":"policy-lifetime","seconds":42}""");

        Assert.AreEqual(403, (int)ossFailed.StatusCode);
        Assert.AreEqual(203, (int)callbackFailed.StatusCode);
        Assert.AreEqual(TimeSpan.FromSeconds(42), harness.Emulator.Faults.PolicyLifetime);
        Assert.AreEqual(1, harness.Emulator.Faults.PendingRuleCount);
        Assert.IsTrue(new[] { oss, callback, drop, delay, lifetime }
            .All(r => r.StatusCode == HttpStatusCode.NoContent));
    }

    [TestMethod]
    [DataRow("not json")]
    [DataRow("""{"kind":"meteor"}""")]
    [DataRow("""{"kind":"drop","target":"dns"}""")]
    [DataRow("""{"kind":"esa-error","status":503}""")]
    public async Task PostFaults_InvalidRule_AnswersBadRequest(string json)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await PostFaultAsync(harness, json);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(0, harness.Emulator.Faults.PendingRuleCount);
    }

    [TestMethod]
    public async Task DeleteFaults_PendingRules_ClearsThem()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.FailCallbacks(3);

        using var response = await harness.Http.DeleteAsync(Admin(harness, "faults"));

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual(0, harness.Emulator.Faults.PendingRuleCount);
    }

    [TestMethod]
    public async Task PostTemporaryCredential_IssuesOneTheApiAccepts()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.Http.PostAsync(Admin(harness, "credentials/temporary"), null);
        var credential = await response.Content.ReadFromJsonAsync<JsonElement>();
        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = credential.GetProperty("AccessKeyId").GetString()!,
            AccessKeySecret = credential.GetProperty("AccessKeySecret").GetString()!,
            SecurityToken = credential.GetProperty("SecurityToken").GetString(),
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });

        Assert.AreEqual(200, answer.Status, answer.Message);
    }

    [TestMethod]
    public async Task GetRequests_AfterCalls_ListsThemInOrder()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.StageAsync("a"u8.ToArray());

        var requests = await GetJsonAsync(harness, "requests");

        var targets = requests.GetProperty("Requests").EnumerateArray()
            .Select(r => r.GetProperty("Target").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "Esa", "Oss", "Callback" }, targets);
        Assert.DoesNotContain(form["Signature"], requests.GetRawText());
        Assert.DoesNotContain(form["policy"], requests.GetRawText());
    }

    [TestMethod]
    public async Task UnknownRoute_AnswersNotFound()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.Http.GetAsync(Admin(harness, "nothing/here"));

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Uri Admin(EmulatorHarness harness, string path) =>
        new(harness.Emulator.Endpoint, "_emulator/" + path);

    private static async Task<JsonElement> GetJsonAsync(EmulatorHarness harness, string path)
    {
        using var response = await harness.Http.GetAsync(Admin(harness, path));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PostFaultAsync(EmulatorHarness harness, string json) =>
        harness.Http.PostAsync(Admin(harness, "faults"), new StringContent(json, Encoding.UTF8, "application/json"));
}
