using EsaStage.Core.Credentials;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.Credentials;

[TestClass]
public sealed class DefaultCredentialChainTests
{
    [TestMethod]
    public async Task GetCredentialAsync_NothingConfigured_ListsEverySourceTriedInOrder()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.CredentialsNotFound, error.ErrorCode);
        string[] expected =
        [
            "1. environment: ALIBABA_CLOUD_ACCESS_KEY_ID, ESA_ACCESS_KEY_ID",
            "2. OIDC role: ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            $"3. Alibaba Cloud CLI profile: {Path.Combine(sandbox.Home, ".aliyun", "config.json")} does not exist",
            $"4. shared credentials file: {Path.Combine(sandbox.Home, ".alibabacloud", "credentials")} does not",
            "5. ECS instance RAM role: the metadata service: nothing answered at 127.0.0.1:9",
            "6. credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is not set",
        ];
        var last = -1;
        foreach (var part in expected)
        {
            var at = error.Message.IndexOf(part, StringComparison.Ordinal);
            Assert.IsGreaterThan(last, at, $"'{part}' missing or out of order in: {error.Message}");
            last = at;
        }

        CollectionAssert.AreEqual(new[]
        {
            "environment", "OIDC role", "Alibaba Cloud CLI profile", "shared credentials file",
            "ECS instance RAM role", "credentials URI",
        }, chain.SourceNames.ToArray());
    }

    [TestMethod]
    public async Task GetCredentialAsync_EverySourceConfigured_FirstInOrderWinsEachTimeOneIsRemoved()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        using var sandbox = new CredentialsSandbox();
        var fromMetadata = emulator.IssueTemporaryCredential(TimeSpan.FromHours(1));
        await using var metadata = await MetadataServiceFake.StartAsync(fromMetadata);
        sandbox.Variables.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        sandbox.Variables["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "env-id";
        sandbox.Variables["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        sandbox.Variables["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1234567890123456:role/ci";
        sandbox.Variables["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1234567890123456:oidc-provider/gh";
        sandbox.Variables["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = sandbox.WriteFile("token", CredentialsSandbox.Jwt());
        sandbox.Variables["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.Authority;
        sandbox.WriteCliConfig(new
        {
            current = "default",
            profiles = new[]
            {
                new { name = "default", mode = "AK", access_key_id = "cli-id", access_key_secret = "s" },
            },
        });
        sandbox.WriteSharedCredentials("[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = s\n");

        var seen = new List<string>();
        string[] removals = ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ROLE_ARN", "cli", "ini"];
        foreach (var removal in removals.Append("none"))
        {
            using var chain = sandbox.Chain(metadata: metadata.Url);
            var credential = await chain.GetCredentialAsync(CancellationToken.None);
            seen.Add(credential.AccessKeyId.StartsWith("STS.", StringComparison.Ordinal)
                ? credential.AccessKeyId == fromMetadata.AccessKeyId ? "ecs" : "oidc"
                : credential.AccessKeyId);
            switch (removal)
            {
                case "cli": File.Delete(Path.Combine(sandbox.Home, ".aliyun", "config.json")); break;
                case "ini": File.Delete(Path.Combine(sandbox.Home, ".alibabacloud", "credentials")); break;
                case "ALIBABA_CLOUD_ACCESS_KEY_ID":
                    sandbox.Variables.Remove(removal);
                    sandbox.Variables.Remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
                    break;
                default: sandbox.Variables.Remove(removal); break;
            }
        }

        CollectionAssert.AreEqual(new[] { "env-id", "oidc", "cli-id", "ini-id", "ecs" }, seen);
    }

    [TestMethod]
    public async Task GetCredentialAsync_BrokenFirstSource_FailsInsteadOfFallingThrough()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "env-id";
        sandbox.Variables["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret\n";
        sandbox.WriteSharedCredentials("[default]\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET has leading or trailing whitespace", error.Message);
        Assert.DoesNotContain("env-secret", error.Message);
    }

    [TestMethod]
    public async Task GetCredentialAsync_Match_IsRememberedMaskedAndNamed()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables["ESA_ACCESS_KEY_ID"] = "esa-id";
        sandbox.Variables["ESA_ACCESS_KEY_SECRET"] = "esa-secret";
        sandbox.Variables["ESA_SECURITY_TOKEN"] = "esa-token";
        using var chain = sandbox.Chain();

        var first = await chain.GetCredentialAsync(CancellationToken.None);
        sandbox.Variables.Remove("ESA_ACCESS_KEY_ID");
        var second = await chain.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual("esa-id", second.AccessKeyId);
        Assert.AreEqual(first, second);
        Assert.AreEqual("environment variables ESA_ACCESS_KEY_ID and ESA_ACCESS_KEY_SECRET", chain.MatchedSource);
        CollectionAssert.AreEquivalent(new[] { "esa-secret", "esa-token" }, sandbox.Log.Secrets.ToArray());
        Assert.DoesNotContain("esa-secret", first.ToString());
    }
}
