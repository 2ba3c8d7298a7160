using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.Credentials;

[TestClass]
public sealed class EcsMetadataTests
{
    private const string RoleBase = "/latest/meta-data/ram/security-credentials/";

    [TestMethod]
    public async Task GetCredentialAsync_HardenedMode_GetsATokenFirstAndSendsItWithEveryRead()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        var issued = emulator.IssueTemporaryCredential(TimeSpan.FromHours(6));
        await using var metadata = await MetadataServiceFake.StartAsync(issued, requiresToken: true);
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        using var chain = sandbox.Chain(metadata: metadata.Url);

        var credential = await chain.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual(issued.AccessKeyId, credential.AccessKeyId);
        Assert.AreEqual(issued.SecurityToken, credential.SecurityToken);
        var requests = metadata.Requests;
        Assert.AreEqual("PUT /latest/api/token", $"{requests[0].Method} {requests[0].Path}");
        Assert.AreEqual("21600", requests[0].Headers["x-aliyun-ecs-metadata-token-ttl-seconds"]);
        CollectionAssert.AreEqual(new[] { RoleBase, RoleBase + "ci-role" },
            requests.Skip(1).Select(r => r.Path).ToArray());
        Assert.IsTrue(requests.Skip(1).All(r => r.Headers.GetValueOrDefault("x-aliyun-ecs-metadata-token")
            == MetadataServiceFake.Token));
        Assert.StartsWith("ECS instance RAM role", credential.Source);
    }

    [TestMethod]
    public async Task GetCredentialAsync_NoTokenIssued_FallsBackToPlainReads()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        var issued = emulator.IssueTemporaryCredential(TimeSpan.FromHours(6));
        await using var metadata = await MetadataServiceFake.StartAsync(issued, issuesTokens: false);
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        sandbox.Variables["ALIBABA_CLOUD_ECS_METADATA"] = "ci-role";
        using var chain = sandbox.Chain(metadata: metadata.Url);

        var credential = await chain.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual(issued.AccessKeyId, credential.AccessKeyId);
        CollectionAssert.AreEqual(new[] { "/latest/api/token", RoleBase + "ci-role" },
            metadata.Requests.Select(r => r.Path).ToArray(), "a named role is not looked up");
        Assert.IsFalse(metadata.Requests[1].Headers.ContainsKey("x-aliyun-ecs-metadata-token"));
    }

    [TestMethod]
    public async Task GetCredentialAsync_NoTokenAndImdsV1Disabled_FailsWithoutPlainReads()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        await using var metadata = await MetadataServiceFake.StartAsync(
            emulator.IssueTemporaryCredential(TimeSpan.FromHours(6)), issuesTokens: false);
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        sandbox.Variables["ALIBABA_CLOUD_IMDSV1_DISABLED"] = "true";
        using var chain = sandbox.Chain(metadata: metadata.Url);

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.CredentialSourceFailed, error.ErrorCode);
        Assert.Contains("ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids", error.Message);
        Assert.HasCount(1, metadata.Requests);
    }

    [TestMethod]
    public async Task GetCredentialAsync_WrongRoleName_FailsSayingSo()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        await using var metadata = await MetadataServiceFake.StartAsync(
            emulator.IssueTemporaryCredential(TimeSpan.FromHours(6)));
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        sandbox.Variables["ALIBABA_CLOUD_ECS_METADATA"] = "no-such-role";
        using var chain = sandbox.Chain(metadata: metadata.Url);

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.Contains("role 'no-such-role' answered HTTP 404; check the role name", error.Message);
    }
}
