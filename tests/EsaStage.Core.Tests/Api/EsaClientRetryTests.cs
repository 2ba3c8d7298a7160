using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Core.Tests.Api;

[TestClass]
public sealed class EsaClientRetryTests
{
    [TestMethod]
    public async Task CallAsync_TooManyRequestsThenSuccess_RetriesWithAFreshSignature()
    {
        // Each clock reading moves one second on, so a re-signed attempt carries a new date.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        await using var harness = await StagingHarness.StartAsync(retry: new RetryOptions { BaseDelay = TimeSpan.Zero },
            time: time);
        harness.Emulator.Faults.FailEsaRequests(1, 429, "TooManyRequests", "Too many requests.");

        var routine = await harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None);

        Assert.AreEqual(StagingHarness.Routine, routine.Name);
        var attempts = harness.Requests(RequestTarget.Esa);
        Assert.HasCount(2, attempts);
        Assert.AreEqual(429, attempts[0].StatusCode);
        Assert.AreEqual(200, attempts[1].StatusCode);
        foreach (var header in new[] { "x-acs-signature-nonce", "x-acs-date", "Authorization" })
        {
            Assert.AreNotEqual(Header(attempts[0], header), Header(attempts[1], header), header);
        }

        var retry = harness.Log.Lines.Single(l => l.Contains("Retrying", StringComparison.Ordinal));
        Assert.Contains("GetRoutine attempt 1 of 3 failed: HTTP 429 TooManyRequests (RequestId ", retry);
    }

    [TestMethod]
    public async Task CallAsync_ServiceBusyEveryTime_StopsAtTheCapWithAClearError()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(5, 503, "Site.ServiceBusy", "The site is busy.");

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None));

        Assert.HasCount(3, harness.Requests(RequestTarget.Esa));
        Assert.AreEqual(ErrorCodes.ServiceBusy, error.ErrorCode);
        Assert.Contains("Site.ServiceBusy", error.Message);
        Assert.Contains("wait a little and run again", error.Message);
        Assert.HasCount(2, harness.Log.Lines.Where(l => l.Contains("Retrying", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    [DataRow(400, "Throttling.User")]
    [DataRow(400, "Throttling")]
    [DataRow(503, "ServiceUnavailable")]
    [DataRow(500, "InternalError")]
    public async Task CallAsync_TransientErrorOnce_IsRetried(int status, string code)
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(1, status, code, "Try later.");

        await harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None);

        Assert.HasCount(2, harness.Requests(RequestTarget.Esa));
    }

    [TestMethod]
    [DataRow(400, "CodeVersionNumberExceedQuotaLimit", ErrorCodes.VersionQuotaExceeded)]
    [DataRow(403, "SignatureDoesNotMatch", ErrorCodes.AuthenticationFailed)]
    [DataRow(404, "InvalidAccessKeyId.NotFound", ErrorCodes.AuthenticationFailed)]
    [DataRow(400, "InvalidAccessKeyId.Inactive", ErrorCodes.AuthenticationFailed)]
    [DataRow(403, "InvalidSecurityToken.Expired", ErrorCodes.AuthenticationFailed)]
    [DataRow(400, "InvalidParameter", ErrorCodes.InvalidParameter)]
    [DataRow(400, "MissingParameter", ErrorCodes.InvalidParameter)]
    [DataRow(400, "RoutineNotExist", ErrorCodes.RoutineNotFound)]
    [DataRow(400, "RoutineUserServiceStatusHalt", ErrorCodes.ServiceHalted)]
    [DataRow(403, "Forbidden.RAM", ErrorCodes.AccessDenied)]
    [DataRow(400, "InternalException", ErrorCodes.ServiceInternalError)]
    [DataRow(400, "InternalOperationError", ErrorCodes.ServiceInternalError)]
    [DataRow(400, "InvalidTimeStamp.Expired", ErrorCodes.ClockSkew)]
    [DataRow(400, "SomethingNew", ErrorCodes.ApiError)]
    public async Task CallAsync_PermanentError_FailsAtOnceWithItsOwnCode(int status, string code, string product)
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(1, status, code, "Refused.");

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None));

        Assert.HasCount(1, harness.Requests(RequestTarget.Esa));
        Assert.AreEqual(product, error.ErrorCode);
        Assert.Contains($"RequestId {error.RequestId}", error.Message);
        Assert.DoesNotContain(harness.Emulator.AccessKeySecret, error.Message);
        Assert.IsEmpty(harness.Log.Lines);
    }

    [TestMethod]
    public async Task CallAsync_RetryAfterHeader_IsWaitedOut()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(1, 400, "Throttling.Api", "Slow down.", retryAfter: "1");

        await harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None);

        var attempts = harness.Requests(RequestTarget.Esa);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
        Assert.Contains("Retrying in 1.0 s as the service asked (x-acs-retry-after).", harness.Log.Text);
    }

    [TestMethod]
    public async Task CallAsync_RetryAfterBeyondTheCap_IsNotWaitedFor()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(1, 429, "TooManyRequests", "Come back later.", retryAfter: "600");

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None));

        Assert.AreEqual(TimeSpan.FromMinutes(10), error.Error.RetryAfter);
        Assert.HasCount(1, harness.Requests(RequestTarget.Esa));
    }

    [TestMethod]
    public async Task CallAsync_CancelledDuringTheWait_StopsPromptly()
    {
        await using var harness = await StagingHarness.StartAsync(retry: new RetryOptions
        {
            BaseDelay = TimeSpan.FromMinutes(5),
            MaxDelay = TimeSpan.FromMinutes(5),
        });
        harness.Emulator.Faults.FailEsaRequests(3, 503, "ServiceUnavailable", "Busy.");
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.GetRoutineAsync(StagingHarness.Routine, cancellation.Token);
        while (harness.Requests(RequestTarget.Esa).Count == 0 || harness.Log.Lines.Count == 0)
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.AreSame(call, finished, "the wait between attempts ignored the cancellation");
        await Assert.ThrowsAsync<OperationCanceledException>(() => call);
        Assert.HasCount(1, harness.Requests(RequestTarget.Esa));
    }

    [TestMethod]
    public async Task CallAsync_ClockBehindTheServer_StatesTheMeasuredSkew()
    {
        var slow = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(150));
        await using var harness = await StagingHarness.StartAsync(time: slow);

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.ClockSkew, error.ErrorCode);
        Assert.AreEqual("InvalidTimeStamp.Expired", error.Code);
        Assert.MatchesRegex("This machine's clock is 2 h (29 min 5[0-9]|30 min [0-9]) s behind the server's " +
            @"\(server Date ", error.Message);
        Assert.Contains("enable NTP", error.Message);
        Assert.HasCount(1, harness.Requests(RequestTarget.Esa));
    }

    [TestMethod]
    public async Task CallAsync_ClockAheadOfTheServer_SaysAhead()
    {
        var fast = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(25));
        await using var harness = await StagingHarness.StartAsync(time: fast);

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Client.GetRoutineAsync(StagingHarness.Routine, CancellationToken.None));

        Assert.MatchesRegex("clock is 1 d (1 h 0|59 min 59) s ahead of the server's", error.Message);
    }

    private static string Header(RecordedRequest request, string name) =>
        request.Headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
