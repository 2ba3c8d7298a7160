using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Tests.TestSupport;

namespace EsaStage.Core.Tests.Api;

[TestClass]
public sealed class EsaClientTests
{
    [TestMethod]
    public async Task CallAsync_ThrottlingError_CarriesCodeStatusRequestIdAndRetryAfter()
    {
        await using var harness = await StagingHarness.StartAsync(retry: RetryOptions.None);
        harness.Emulator.Faults.FailEsaRequests(1, 400, "Throttling.User", "Request was denied due to user flow " +
            "control.", retryAfter: "2");

        var error = await Assert.ThrowsAsync<EsaApiException>(() => harness.Client.GetRoutineStagingCodeUploadInfoAsync(
            StagingHarness.Routine, null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.ServiceBusy, error.ErrorCode);
        Assert.AreEqual(400, error.HttpStatus);
        Assert.AreEqual("Throttling.User", error.Code);
        Assert.IsTrue(error.Error.IsThrottling);
        Assert.AreEqual(TimeSpan.FromSeconds(2), error.Error.RetryAfter);
        Assert.IsNotNull(error.RequestId);
        Assert.Contains($"RequestId {error.RequestId}", error.Message);
    }

    [TestMethod]
    public async Task RoutineOperations_AgainstEmulator_RoundTripState()
    {
        await using var harness = await StagingHarness.StartAsync();
        var client = harness.Client;

        await client.CreateRoutineAsync("second-routine", "made by a test", CancellationToken.None);
        var info = await client.GetRoutineStagingCodeUploadInfoAsync("second-routine", "v1", CancellationToken.None);
        await harness.Upload.UploadAsync(Core.Oss.OssPostForm.FromConfig(info.OssPostConfig), harness.WriteCode(),
            null, CancellationToken.None);
        var committed = await client.CommitRoutineStagingCodeAsync("second-routine", "v1", CancellationToken.None);
        await client.PublishRoutineCodeVersionAsync("second-routine", "staging", committed, CancellationToken.None);
        var routine = await client.GetRoutineAsync("second-routine", CancellationToken.None);
        var page = await client.ListRoutineCodeVersionsAsync("second-routine", 1, 20, CancellationToken.None);

        CollectionAssert.Contains(routine.Environments.Single(e => e.Name == "staging").CodeVersions.ToArray(),
            committed);
        CollectionAssert.IsSubsetOf(new[] { info.CodeVersion, committed },
            page.CodeVersions.Select(v => v.CodeVersion).ToArray());

        await client.DeleteRoutineCodeVersionAsync("second-routine", info.CodeVersion, CancellationToken.None);
        var after = await client.ListRoutineCodeVersionsAsync("second-routine", 1, 20, CancellationToken.None);
        CollectionAssert.DoesNotContain(after.CodeVersions.Select(v => v.CodeVersion).ToArray(), info.CodeVersion);
    }

    [TestMethod]
    public async Task CallAsync_NothingListening_FailsWithUnreachableCode()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var client = new EsaClient(http, new Uri("http://127.0.0.1:9/"),
            new StaticCredentialProvider(new AccessKeyCredential("id", "secret")));

        var error = await Assert.ThrowsAsync<EsaStageException>(
            () => client.GetRoutineAsync("hello-routine", CancellationToken.None));

        Assert.AreEqual(ErrorCodes.ApiUnreachable, error.ErrorCode);
        Assert.Contains("127.0.0.1:9", error.Message);
    }

    [TestMethod]
    public async Task CallAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.DelayRequests(Emulator.Faults.FaultTarget.Esa, 1, TimeSpan.FromSeconds(10));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => harness.Client.GetRoutineAsync(StagingHarness.Routine, cancellation.Token));
    }
}
