using System.Security.Cryptography;
using System.Text;
using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Oss;
using EsaStage.Core.Staging;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;
using EsaStage.Emulator.Faults;

namespace EsaStage.Core.Tests.Staging;

[TestClass]
public sealed class StagingPipelineTests
{
    [TestMethod]
    public async Task RunAsync_ValidCode_ReportsNineteenDigitVersionAndEmulatorHoldsTheBytes()
    {
        await using var harness = await StagingHarness.StartAsync();
        var code = harness.WriteCode();

        var result = await harness.Pipeline.RunAsync(harness.Request(code, "release 1.2.3"), null,
            CancellationToken.None);

        Assert.MatchesRegex("^[0-9]{19}$", result.CodeVersion);
        CollectionAssert.AreEqual(File.ReadAllBytes(code),
            harness.Emulator.State.GetStagingCode(StagingHarness.Routine));
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(code))), result.Sha256);
        Assert.AreEqual(new FileInfo(code).Length, result.Bytes);
        Assert.AreEqual("release 1.2.3", result.CodeDescription);
        Assert.IsNull(result.CommittedCodeVersion);
        Assert.IsNotNull(harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.FindVersion(result.CodeVersion));
    }

    [TestMethod]
    [DataRow("a b")]
    [DataRow("a+b")]
    [DataRow("50% off")]
    [DataRow("fix(*): it's ~done!")]
    [DataRow("x=1&y=2;z")]
    [DataRow("🚀 launch")]
    [DataRow("修复登录 ✓ — 100% done")]
    [DataRow("line1\nline2\ttab")]
    [DataRow("release 1.2.3")]
    public async Task RunAsync_DescriptionWithReservedOrNonAsciiText_IsSignedAndArrivesUnchanged(string description)
    {
        await using var harness = await StagingHarness.StartAsync();

        var result = await harness.Pipeline.RunAsync(harness.Request(harness.WriteCode(), description), null,
            CancellationToken.None);

        var call = harness.Requests(RequestTarget.Esa).First(r => r.Action == "GetRoutineStagingCodeUploadInfo");
        Assert.AreEqual(200, call.StatusCode);
        Assert.AreEqual(description, call.Parameters.Single(p => p.Key == "CodeDescription").Value);
        var version = harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.FindVersion(result.CodeVersion);
        Assert.AreEqual(description, version!.Description);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public async Task RunAsync_BlankDescription_LeavesTheParameterOut(string? description)
    {
        await using var harness = await StagingHarness.StartAsync();

        var result = await harness.Pipeline.RunAsync(harness.Request(harness.WriteCode(), description), null,
            CancellationToken.None);

        var call = harness.Requests(RequestTarget.Esa).Single(r => r.Action == "GetRoutineStagingCodeUploadInfo");
        Assert.IsFalse(call.Parameters.Any(p => p.Key == "CodeDescription"));
        Assert.AreEqual(200, call.StatusCode);
        Assert.IsNull(result.CodeDescription);
    }

    [TestMethod]
    public async Task RunAsync_BadLocalInput_FailsBeforeAnyRequest()
    {
        await using var harness = await StagingHarness.StartAsync();
        var empty = harness.WriteCode("empty.js", []);
        var big = harness.WriteCode("big.js", new byte[2048]);
        var cases = new (StageRequest Request, string Code)[]
        {
            (harness.Request(Path.Combine(harness.Directory, "missing.js")), ErrorCodes.CodeFileNotFound),
            (harness.Request(empty), ErrorCodes.CodeFileEmpty),
            (harness.Request(harness.Directory), ErrorCodes.CodeFileIsDirectory),
            (harness.Request(big) with { MaxCodeBytes = 1024 }, ErrorCodes.CodeFileTooLarge),
            (harness.Request(harness.WriteCode()) with { RoutineName = "Bad_Name" }, ErrorCodes.InvalidRoutineName),
            (harness.Request(harness.WriteCode(), "broken \ud800"), ErrorCodes.InvalidDescription),
        };

        foreach (var (request, code) in cases)
        {
            var error = await Assert.ThrowsAsync<EsaStageException>(
                () => harness.Pipeline.RunAsync(request, null, CancellationToken.None));
            Assert.AreEqual(code, error.ErrorCode, error.Message);
        }

        Assert.IsEmpty(harness.Emulator.Requests);
    }

    [TestMethod]
    public async Task RunAsync_UploadRefused_FailsWithOssFieldsAndNoVersion()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailOssUploads(1, 403, "AccessDenied", "Invalid according to Policy: Policy expired.");

        var error = await Assert.ThrowsAsync<OssUploadException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.UploadFormExpired, error.ErrorCode);
        Assert.AreEqual("AccessDenied", error.Error!.Code);
        Assert.IsNotNull(error.Error.RequestId);
        Assert.Contains(error.Error.RequestId, error.Message);
        Assert.Contains("Policy expired", error.Message);
        Assert.IsNull(harness.Emulator.State.GetStagingCode(StagingHarness.Routine));
    }

    [TestMethod]
    public async Task RunAsync_CallbackFails_Http203IsAFailure()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailCallbacks(1);

        var error = await Assert.ThrowsAsync<OssUploadException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.UploadCallbackFailed, error.ErrorCode);
        Assert.AreEqual(203, error.Error!.HttpStatus);
        Assert.AreEqual("CallbackFailed", error.Error.Code);
        Assert.Contains("uploaded but the ESA callback failed", error.Message);
        Assert.Contains(error.Error.RequestId!, error.Message);
        Assert.IsEmpty(harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.CodeVersions);
    }

    [TestMethod]
    [DataRow(FaultTarget.Oss, ErrorCodes.UploadFailed)]
    [DataRow(FaultTarget.Esa, ErrorCodes.ApiUnreachable)]
    public async Task RunAsync_ConnectionDroppedOnEveryAttempt_FailsWithoutAVersion(FaultTarget target, string code)
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.DropConnections(target, RetryOptions.DefaultMaxAttempts);

        var error = await Assert.ThrowsAsync<EsaStageException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(code, error.ErrorCode);
        Assert.IsNull(harness.Emulator.State.GetStagingCode(StagingHarness.Routine));
    }

    [TestMethod]
    public async Task RunAsync_ApiTooSlow_TimesOutWithUnreachableCode()
    {
        await using var harness = await StagingHarness.StartAsync(timeout: TimeSpan.FromMilliseconds(500));
        harness.Emulator.Faults.DelayRequests(FaultTarget.Esa, RetryOptions.DefaultMaxAttempts,
            TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<EsaStageException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.ApiUnreachable, error.ErrorCode);
        Assert.Contains("no answer", error.Message);
    }

    [TestMethod]
    public async Task RunAsync_VersionQuotaReached_ExplainsTheLimitAndUploadsNothing()
    {
        await using var harness = await StagingHarness.StartAsync();
        var code = harness.WriteCode();
        for (var i = 0; i < 10; i++)
        {
            await harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None);
        }

        var uploadsBefore = harness.Requests(RequestTarget.Oss).Count;

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.VersionQuotaExceeded, error.ErrorCode);
        Assert.AreEqual("CodeVersionNumberExceedQuotaLimit", error.Code);
        Assert.Contains("'hello-routine'", error.Message);
        Assert.Contains("10", error.Message);
        Assert.Contains("DeleteRoutineCodeVersion", error.Message);
        Assert.Contains(error.RequestId!, error.Message);
        Assert.HasCount(uploadsBefore, harness.Requests(RequestTarget.Oss));
    }

    [TestMethod]
    public async Task RunAsync_UnknownRoutine_FailsWithRoutineNotFound()
    {
        await using var harness = await StagingHarness.StartAsync();

        var error = await Assert.ThrowsAsync<EsaApiException>(() => harness.Pipeline.RunAsync(
            harness.Request(harness.WriteCode()) with { RoutineName = "no-such-routine" }, null,
            CancellationToken.None));

        Assert.AreEqual(ErrorCodes.RoutineNotFound, error.ErrorCode);
        Assert.Contains("'no-such-routine' does not exist", error.Message);
    }

    [TestMethod]
    [DataRow(PublishEnvironment.Staging, "staging")]
    [DataRow(PublishEnvironment.Production, "production")]
    public async Task RunAsync_Publish_CommitsAndDeploysTheCommittedVersion(PublishEnvironment environment,
        string env)
    {
        await using var harness = await StagingHarness.StartAsync();

        var result = await harness.Pipeline.RunAsync(
            harness.Request(harness.WriteCode(), "ship it") with { Publish = environment }, null,
            CancellationToken.None);

        Assert.IsNotNull(result.CommittedCodeVersion);
        Assert.AreNotEqual(result.CodeVersion, result.CommittedCodeVersion);
        Assert.AreEqual(env, result.PublishedEnvironment);
        var routine = harness.Emulator.State.GetRoutine(StagingHarness.Routine)!;
        Assert.AreEqual(result.CommittedCodeVersion, routine.Envs[env]);
    }

    [TestMethod]
    public async Task RunAsync_TemporaryCredential_SignsTheSecurityToken()
    {
        await using var harness = await StagingHarness.StartAsync(emulator =>
        {
            var sts = emulator.IssueTemporaryCredential();
            return new StaticCredentialProvider(
                new AccessKeyCredential(sts.AccessKeyId, sts.AccessKeySecret, sts.SecurityToken));
        });

        await harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None);

        var call = harness.Requests(RequestTarget.Esa).First();
        Assert.AreEqual(200, call.StatusCode);
        var authorization = Header(call, "Authorization");
        StringAssert.Contains(authorization, "SignedHeaders=content-type;host;x-acs-accesskey-id;x-acs-action;" +
            "x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,");
    }

    [TestMethod]
    public async Task RunAsync_LongLivedKey_SendsNoSecurityTokenHeader()
    {
        await using var harness = await StagingHarness.StartAsync();

        var code = harness.WriteCode();
        await harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None);
        await harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None);

        var calls = harness.Requests(RequestTarget.Esa);
        Assert.HasCount(2, calls);
        Assert.IsFalse(calls[0].Headers.Any(
            h => h.Key.Equals("x-acs-security-token", StringComparison.OrdinalIgnoreCase)));
        Assert.AreNotEqual(Header(calls[0], "x-acs-signature-nonce"), Header(calls[1], "x-acs-signature-nonce"));
    }

    [TestMethod]
    public async Task RunAsync_WrongSecret_FailsWithAuthenticationCodeAndHint()
    {
        await using var harness = await StagingHarness.StartAsync(emulator => new StaticCredentialProvider(
            new AccessKeyCredential(emulator.AccessKeyId, "not-the-secret")));

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.AuthenticationFailed, error.ErrorCode);
        Assert.AreEqual("SignatureDoesNotMatch", error.Code);
        Assert.DoesNotContain("not-the-secret", error.Message);
        Assert.IsEmpty(harness.Requests(RequestTarget.Oss));
    }

    private static string Header(RecordedRequest request, string name) =>
        request.Headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
