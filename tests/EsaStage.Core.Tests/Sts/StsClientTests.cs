using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Sts;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.Sts;

[TestClass]
public sealed class StsClientTests
{
    private static readonly StsRoleRequest Role = new("acs:ram::1234567890123456:role/deployer", "unit-test", 900);

    [TestMethod]
    public async Task AssumeRoleAsync_SignedWithTheEmulatorKey_IssuesACredentialTheApiAccepts()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello"] });
        using var http = new HttpClient();
        var sts = new StsClient(http, emulator.StsEndpoint);

        var credential = await sts.AssumeRoleAsync(new(emulator.AccessKeyId, emulator.AccessKeySecret), Role,
            CancellationToken.None);

        var call = emulator.Requests.Single();
        Assert.AreEqual(200, call.StatusCode);
        Assert.AreEqual("HMAC-SHA1", call.Parameters.Single(p => p.Key == "SignatureMethod").Value);
        Assert.AreEqual("900", call.Parameters.Single(p => p.Key == "DurationSeconds").Value);
        Assert.IsNotNull(credential.Expiration);
        var client = new EsaClient(http, emulator.Endpoint, new StaticCredentialProvider(credential));
        var routine = await client.GetRoutineAsync("hello", CancellationToken.None);
        Assert.AreEqual("hello", routine.Name);
    }

    [TestMethod]
    public async Task AssumeRoleAsync_ChainedFromATemporaryCredential_SendsItsSecurityToken()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        using var http = new HttpClient();
        var sts = new StsClient(http, emulator.StsEndpoint);
        var first = await sts.AssumeRoleAsync(new(emulator.AccessKeyId, emulator.AccessKeySecret), Role,
            CancellationToken.None);

        var second = await sts.AssumeRoleAsync(first, Role, CancellationToken.None);

        Assert.AreNotEqual(first.AccessKeyId, second.AccessKeyId);
        Assert.AreEqual(first.SecurityToken,
            emulator.Requests[1].Parameters.Single(p => p.Key == "SecurityToken").Value);
    }

    [TestMethod]
    public async Task AssumeRoleAsync_WrongSecret_IsRefusedNotRetriedAndNamesNoSecret()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        using var http = new HttpClient();
        var sts = new StsClient(http, emulator.StsEndpoint, retry: StagingHarness.FastRetry);

        var error = await Assert.ThrowsAsync<EsaApiException>(() => sts.AssumeRoleAsync(
            new(emulator.AccessKeyId, "wrong-secret-value"), Role, CancellationToken.None));

        Assert.AreEqual("SignatureDoesNotMatch", error.Code);
        Assert.AreEqual(ErrorCodes.AuthenticationFailed, error.ErrorCode);
        Assert.StartsWith("STS AssumeRole failed", error.Message);
        Assert.DoesNotContain("wrong-secret-value", error.Message);
        Assert.HasCount(1, emulator.Requests);
    }

    [TestMethod]
    public async Task AssumeRoleWithOidcAsync_ValidToken_IsAnonymousAndIssuesACredential()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        using var http = new HttpClient();
        var sts = new StsClient(http, emulator.StsEndpoint);

        var credential = await sts.AssumeRoleWithOidcAsync(Role, "acs:ram::1234567890123456:oidc-provider/gh",
            CredentialsSandbox.Jwt(), CancellationToken.None);

        Assert.StartsWith("STS.", credential.AccessKeyId);
        var call = emulator.Requests.Single();
        Assert.IsFalse(call.Parameters.Any(p => p.Key is "AccessKeyId" or "Signature"));
    }
}
