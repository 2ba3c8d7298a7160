using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Esa;

[TestClass]
public sealed class EsaApiHandlerTests
{
    [TestMethod]
    [DataRow(false, false)]
    [DataRow(false, true)]
    [DataRow(true, false)]
    public async Task SendAsync_SignedWithAcs3Signer_IsAcceptedInEveryPlacement(bool inQuery, bool chunked)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = SignedEsaRequest.For(harness.Emulator, "GetRoutine", ("Name", "hello"));

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = request.AccessKeyId,
            AccessKeySecret = request.AccessKeySecret,
            Action = request.Action,
            Parameters = request.Parameters,
            Placement = inQuery ? ParameterPlacement.Query : ParameterPlacement.FormBody,
            Chunked = chunked,
        });

        Assert.AreEqual(200, answer.Status, answer.Message);
        var recorded = harness.Emulator.Requests.Single(r => r.Target == RequestTarget.Esa);
        Assert.AreEqual(chunked, recorded.IsChunked);
        Assert.AreEqual(inQuery || chunked ? null : (long?)recorded.Body.Length, recorded.ContentLength);
        Assert.AreEqual(inQuery ? "Name=hello" : string.Empty, recorded.RawQuery);
        Assert.AreEqual("GetRoutine", recorded.Action);
        CollectionAssert.AreEqual(new[] { new KeyValuePair<string, string>("Name", "hello") },
            recorded.Parameters.ToArray());
    }

    [TestMethod]
    [DataRow("a b + c")]
    [DataRow("fix(*): it's ~done! 50% x=1&y=2;z")]
    [DataRow("修复登录 ✓ — 🚀")]
    [DataRow("line1\nline2\ttab")]
    public async Task SendAsync_ReservedAndNonAsciiValues_AreDecodedExactly(string description)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        foreach (var placement in new[] { ParameterPlacement.FormBody, ParameterPlacement.Query })
        {
            var answer = await harness.SendAsync(new SignedEsaRequest
            {
                AccessKeyId = harness.Emulator.AccessKeyId,
                AccessKeySecret = harness.Emulator.AccessKeySecret,
                Action = "CommitRoutineStagingCode",
                Parameters = [new("Name", "hello"), new("CodeDescription", description)],
                Placement = placement,
            });

            // No staging code yet: the signature passed and the operation itself answered.
            Assert.AreEqual("InvalidParameter", answer.Code, answer.Message);
        }

        var recorded = harness.Emulator.Requests.Where(r => r.Target == RequestTarget.Esa).ToList();
        Assert.HasCount(2, recorded);
        Assert.IsTrue(recorded.All(r => r.Parameters.Contains(new("CodeDescription", description))));
    }

    [TestMethod]
    public async Task SendAsync_StaleDate_RefusesWithInvalidTimeStampExpired()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = SignedEsaRequest.For(harness.Emulator, "GetRoutine", ("Name", "hello"));

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = request.AccessKeyId,
            AccessKeySecret = request.AccessKeySecret,
            Action = request.Action,
            Parameters = request.Parameters,
            Date = TimeProvider.System.GetUtcNow().AddMinutes(-20),
        });

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("InvalidTimeStamp.Expired", answer.Code);
    }

    [TestMethod]
    public async Task SendAsync_ReplayedNonce_RefusesWithSignatureNonceUsed()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = SignedEsaRequest.For(harness.Emulator, "GetRoutine", ("Name", "hello"));
        var replayed = new SignedEsaRequest
        {
            AccessKeyId = request.AccessKeyId,
            AccessKeySecret = request.AccessKeySecret,
            Action = request.Action,
            Parameters = request.Parameters,
            Nonce = "0123456789abcdef0123456789abcdef",
        };

        var first = await harness.SendAsync(replayed);
        var second = await harness.SendAsync(replayed);

        Assert.AreEqual(200, first.Status);
        Assert.AreEqual(400, second.Status);
        Assert.AreEqual("SignatureNonceUsed", second.Code);
    }

    [TestMethod]
    public async Task SendAsync_UnknownAccessKeyId_RefusesWith404()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = "LTAIunknownunknown0000",
            AccessKeySecret = harness.Emulator.AccessKeySecret,
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });

        Assert.AreEqual(404, answer.Status);
        Assert.AreEqual("InvalidAccessKeyId.NotFound", answer.Code);
    }

    [TestMethod]
    public async Task SendAsync_WrongSecret_RefusesWithStringToSignInMessage()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = harness.Emulator.AccessKeyId,
            AccessKeySecret = harness.Emulator.AccessKeySecret + "x",
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });

        Assert.AreEqual(403, answer.Status);
        Assert.AreEqual("SignatureDoesNotMatch", answer.Code);
        StringAssert.Contains(answer.Message, "server string to sign is:ACS3-HMAC-SHA256\n");
        Assert.DoesNotContain(harness.Emulator.AccessKeySecret, answer.Message!);
    }

    [TestMethod]
    public async Task SendAsync_AcsHeaderSentButNotSigned_RefusesWithSignatureDoesNotMatch()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = SignedEsaRequest.For(harness.Emulator, "GetRoutine", ("Name", "hello"));

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = request.AccessKeyId,
            AccessKeySecret = request.AccessKeySecret,
            Action = request.Action,
            Parameters = request.Parameters,
            UnsignedExtraHeaders = [new("x-acs-security-token", "CAISunsigned")],
        });

        Assert.AreEqual(403, answer.Status);
        Assert.AreEqual("SignatureDoesNotMatch", answer.Code);
    }

    [TestMethod]
    public async Task SendAsync_Unsigned_RefusesWithIncompleteSignature()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, harness.Emulator.Endpoint);
        request.Headers.Add("x-acs-action", "GetRoutine");
        request.Headers.Add("x-acs-version", "2024-09-10");

        var answer = await harness.SendAsync(request);

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("IncompleteSignature", answer.Code);
    }

    [TestMethod]
    public async Task SendAsync_UnknownAction_RefusesWithInvalidActionNotFound()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("DescribeEverything");

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("InvalidAction.NotFound", answer.Code);
    }

    [TestMethod]
    public async Task SendAsync_OtherApiVersion_RefusesWithInvalidVersion()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = SignedEsaRequest.For(harness.Emulator, "GetRoutine", ("Name", "hello"));

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = request.AccessKeyId,
            AccessKeySecret = request.AccessKeySecret,
            Action = request.Action,
            Parameters = request.Parameters,
            Version = "2022-01-01",
        });

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("InvalidVersion", answer.Code);
    }

    [TestMethod]
    public async Task SendAsync_MissingRequiredParameter_NamesIt()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("GetRoutineStagingCodeUploadInfo");

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("MissingParameter", answer.Code);
        StringAssert.Contains(answer.Message, "\"Name\"");
    }

    [TestMethod]
    public async Task SendAsync_Error_HasTheEsaErrorShape()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("GetRoutine", ("Name", "nope"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual("application/json; charset=utf-8", answer.ContentType);
        Assert.AreEqual("RoutineNotExist", answer.Code);
        Assert.AreEqual(harness.Emulator.Endpoint.Authority, answer.Text("HostId"));
        Assert.AreEqual("https://api.aliyun.com/troubleshoot?q=RoutineNotExist&product=ESA", answer.Text("Recommend"));
        var requestId = answer.Text("RequestId");
        Assert.IsTrue(Guid.TryParse(requestId, out _));
        Assert.AreEqual(requestId.ToUpperInvariant(), requestId);
        CollectionAssert.AreEqual(new[] { "RequestId", "HostId", "Code", "Message", "Recommend" },
            answer.Json.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [TestMethod]
    public async Task Log_EachRequest_WritesOneLineWithoutSecrets()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], Log = lines.Enqueue });

        var form = await harness.IssueUploadAsync();
        await harness.CallAsync("GetRoutine", ("Name", "hello"));

        Assert.HasCount(2, lines);
        StringAssert.Contains(lines.First(), "GetRoutineStagingCodeUploadInfo -> 200");
        var all = string.Join('\n', lines);
        foreach (var secret in new[] { harness.Emulator.AccessKeySecret, form["Signature"], form["policy"],
            form["callback"], form["OSSAccessKeyId"] })
        {
            Assert.DoesNotContain(secret, all);
        }

    }
}
