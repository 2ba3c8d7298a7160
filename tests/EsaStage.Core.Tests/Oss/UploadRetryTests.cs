using EsaStage.Core.Oss;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Emulator.Faults;

namespace EsaStage.Core.Tests.Oss;

[TestClass]
public sealed class UploadRetryTests
{
    [TestMethod]
    public async Task RunAsync_ConnectionResetWhileTheFormIsValid_PostsTheSameFormAgain()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.DropConnections(FaultTarget.Oss, 1);

        var result = await harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null,
            CancellationToken.None);

        var uploads = harness.Requests(RequestTarget.Oss);
        Assert.HasCount(2, uploads);
        Assert.AreEqual(0, uploads[0].StatusCode);
        Assert.AreEqual(200, uploads[1].StatusCode);
        Assert.HasCount(1, harness.Requests(RequestTarget.Esa), "the retry did not spend another form");
        Assert.IsNotNull(harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.FindVersion(result.CodeVersion));
        Assert.Contains("The code upload attempt 1 of 3 failed", harness.Log.Text);
    }

    [TestMethod]
    public async Task RunAsync_Oss503Once_IsRetried()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailOssUploads(1, 503, "ServiceUnavailable", "Please reduce your request rate.");

        await harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None);

        Assert.HasCount(2, harness.Requests(RequestTarget.Oss));
    }

    [TestMethod]
    public async Task RunAsync_ResetAfterTheFormExpired_FailsWithoutRetryOrVersion()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.PolicyLifetime = TimeSpan.FromSeconds(3);
        harness.Emulator.Faults.DelayRequests(FaultTarget.Oss, 1, TimeSpan.FromSeconds(4));
        harness.Emulator.Faults.DropConnections(FaultTarget.Oss, 1);

        var error = await Assert.ThrowsAsync<OssUploadException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.UploadFormExpired, error.ErrorCode);
        Assert.Contains("its upload form expired at", error.Message);
        Assert.Contains("spends another code version", error.Message);
        Assert.Contains("No code version is reported", error.Message);
        Assert.HasCount(1, harness.Requests(RequestTarget.Oss));
        Assert.IsNull(harness.Emulator.State.GetStagingCode(StagingHarness.Routine));
        Assert.IsEmpty(harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.CodeVersions);
    }

    [TestMethod]
    public async Task RunAsync_CallbackFailed_IsNeverRetried()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailCallbacks(1);

        await Assert.ThrowsAsync<OssUploadException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.HasCount(1, harness.Requests(RequestTarget.Oss));
    }

    [TestMethod]
    public async Task RunAsync_UploadKeepsFailing_StopsAtTheCap()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.DropConnections(FaultTarget.Oss, 5);

        var error = await Assert.ThrowsAsync<OssUploadException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.UploadFailed, error.ErrorCode);
        Assert.HasCount(3, harness.Requests(RequestTarget.Oss));
    }

    [TestMethod]
    public void PolicyExpiration_IssuedForm_IsReadFromThePolicy()
    {
        var policy = Convert.ToBase64String("{\"expiration\":\"2030-01-02T03:04:05.000Z\",\"conditions\":[]}"u8);
        var form = OssPostForm.FromConfig(
        [
            new("Url", "https://bucket.example/"), new("key", "k"), new("OSSAccessKeyId", "id"),
            new("policy", policy), new("Signature", "sig"),
        ]);

        Assert.AreEqual(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), form.PolicyExpiration);
    }
}
