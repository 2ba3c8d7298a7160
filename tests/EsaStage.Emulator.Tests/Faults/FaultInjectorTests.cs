using System.Text;
using EsaStage.Emulator.Faults;
using EsaStage.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Emulator.Tests.Faults;

[TestClass]
public sealed class FaultInjectorTests
{
    [TestMethod]
    public async Task FailEsaRequests_ForOneAction_FailsOnlyThatActionOnce()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(1, 503, "ServiceUnavailable", "The service is busy.",
            action: "GetRoutine", retryAfter: "2");

        var other = await harness.CallAsync("ListRoutineCodeVersions", ("Name", "hello"));
        var failed = await harness.CallAsync("GetRoutine", ("Name", "hello"));
        var again = await harness.CallAsync("GetRoutine", ("Name", "hello"));

        Assert.AreEqual(200, other.Status);
        Assert.AreEqual((503, "ServiceUnavailable", "The service is busy."),
            (failed.Status, failed.Code, failed.Message));
        Assert.AreEqual("2", failed.Headers.GetValues("x-acs-retry-after").Single());
        Assert.AreEqual(200, again.Status);
        Assert.AreEqual(0, harness.Emulator.Faults.PendingRuleCount);
    }

    [TestMethod]
    public async Task FailEsaRequests_CountTwo_FailsTwoRequestsThenRecovers()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(2, 400, "Throttling.User", "Request was denied due to user flow "
            + "control.");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await harness.CallAsync("GetRoutine", ("Name", "hello"))).Status);
        }

        CollectionAssert.AreEqual(new[] { 400, 400, 200 }, statuses);
    }

    [TestMethod]
    public async Task FailOssUploads_Once_AnswersTheXmlErrorThenAccepts()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        harness.Emulator.Faults.FailOssUploads(1, 503, "ServiceUnavailable", "Please reduce your request rate.");

        using var failed = await harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(failed);
        using var retried = await harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));

        Assert.AreEqual((503, "ServiceUnavailable"), (error.Status, error.Code));
        Assert.AreEqual(200, (int)retried.StatusCode);
    }

    [TestMethod]
    public async Task FailCallbacks_Once_Answers203AndRegistersNothing()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        harness.Emulator.Faults.FailCallbacks(1);

        using var response = await harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((203, "CallbackFailed", "Error status : 502."), (error.Status, error.Code, error.Message));
        Assert.IsNull(harness.Emulator.State.GetRoutine("hello")!.StagingCode);
        Assert.IsEmpty(harness.Emulator.State.GetRoutine("hello")!.CodeVersions);
        Assert.IsFalse(harness.Emulator.Requests.Any(r => r.Target == RequestTarget.Callback));
    }

    [TestMethod]
    public async Task DelayRequests_Esa_HoldsTheAnswerUntilTheClockMoves()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], TimeProvider = time });
        harness.Emulator.Faults.DelayRequests(FaultTarget.Esa, 1, TimeSpan.FromSeconds(30));

        var call = harness.CallAsync("GetRoutine", ("Name", "hello"));
        await WaitUntilAsync(() => harness.Emulator.Faults.PendingRuleCount == 0);
        await Task.Delay(100);
        Assert.IsFalse(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        var answer = await call;

        Assert.AreEqual(200, answer.Status);
    }

    [TestMethod]
    public async Task DelayRequests_Oss_OutlastsAShortClientTimeout()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        harness.Emulator.Faults.DelayRequests(FaultTarget.Oss, 1, TimeSpan.FromSeconds(5));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using var content = form.ToMultipart("a"u8.ToArray()).ToContent();

        await Assert.ThrowsAsync<TaskCanceledException>(
            () => impatient.PostAsync(harness.Emulator.OssEndpoint, content));
    }

    [TestMethod]
    [DataRow(FaultTarget.Esa)]
    [DataRow(FaultTarget.Oss)]
    public async Task DropConnections_Once_ResetsThatRequestOnly(FaultTarget target)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        harness.Emulator.Faults.DropConnections(target, 1);

        Task Send() => target == FaultTarget.Esa
            ? harness.CallAsync("GetRoutine", ("Name", "hello"))
            : harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));

        await Assert.ThrowsAsync<HttpRequestException>(Send);
        await Send();

        var recorded = harness.Emulator.Requests.Where(r => r.Target == (target == FaultTarget.Esa
            ? RequestTarget.Esa : RequestTarget.Oss)).Select(r => r.StatusCode).ToList();
        CollectionAssert.AreEqual(target == FaultTarget.Esa ? new[] { 200, 0, 200 } : new[] { 0, 200 }, recorded);
    }

    [TestMethod]
    public async Task PolicyLifetime_ShortenedAtRunTime_ExpiresNewFormsSooner()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], TimeProvider = time });
        harness.Emulator.Faults.PolicyLifetime = TimeSpan.FromSeconds(2);

        var form = await harness.IssueUploadAsync();
        time.Advance(TimeSpan.FromSeconds(3));
        using var response = await harness.PostFormAsync(form.ToMultipart("a"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(response);

        StringAssert.Contains(Encoding.UTF8.GetString(Convert.FromBase64String(form["policy"])),
            "\"expiration\":\"2026-03-01T10:00:02.000Z\"");
        Assert.AreEqual("Invalid according to Policy: Policy expired.", error.Message);
    }

    [TestMethod]
    public async Task Clear_PendingRules_RemovesThem()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(5, 500, "InternalError", "boom");
        harness.Emulator.Faults.DropConnections(FaultTarget.Oss, 1);

        harness.Emulator.Faults.Clear();
        var answer = await harness.CallAsync("GetRoutine", ("Name", "hello"));

        Assert.AreEqual(200, answer.Status);
        Assert.AreEqual(0, harness.Emulator.Faults.PendingRuleCount);
    }

    [TestMethod]
    public async Task FailEsaRequests_InvalidArguments_Throw()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Emulator.Faults.FailEsaRequests(0, 503, "X", ""));
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Emulator.Faults.FailEsaRequests(1, 200, "X", ""));
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Emulator.Faults.PolicyLifetime = TimeSpan.Zero);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.IsTrue(condition(), "the condition never became true");
    }
}
