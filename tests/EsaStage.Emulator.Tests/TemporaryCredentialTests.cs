using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests;

[TestClass]
public sealed class TemporaryCredentialTests
{
    [TestMethod]
    public async Task SendAsync_TemporaryCredentialWithItsToken_IsAccepted()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var sts = harness.Emulator.IssueTemporaryCredential();

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = sts.AccessKeyId,
            AccessKeySecret = sts.AccessKeySecret,
            SecurityToken = sts.SecurityToken,
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });

        Assert.AreEqual(200, answer.Status, answer.Message);
        StringAssert.StartsWith(sts.AccessKeyId, "STS.");
    }

    [TestMethod]
    [DataRow(null, "InvalidSecurityToken.Missing")]
    [DataRow("CAISsomeOtherToken", "InvalidSecurityToken.Mismatch")]
    public async Task SendAsync_TemporaryCredentialWithoutItsToken_Refuses(string? token, string expectedCode)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var sts = harness.Emulator.IssueTemporaryCredential();

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = sts.AccessKeyId,
            AccessKeySecret = sts.AccessKeySecret,
            SecurityToken = token,
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });

        Assert.AreEqual(403, answer.Status);
        Assert.AreEqual(expectedCode, answer.Code);
    }
}
