using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.Credentials;

[TestClass]
public sealed class OidcRoleTests
{
    private const string RoleArn = "acs:ram::1234567890123456:role/ci";
    private const string ProviderArn = "acs:ram::1234567890123456:oidc-provider/github";

    [TestMethod]
    public async Task GetCredentialAsync_VariablesSetAfterCreate_AreReadWhenAsked()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        using var sandbox = new CredentialsSandbox();
        using var chain = sandbox.Chain();
        var jwt = CredentialsSandbox.Jwt();

        // A CI step writes the token and sets the variables only after the chain exists.
        sandbox.Variables["ALIBABA_CLOUD_ROLE_ARN"] = RoleArn;
        sandbox.Variables["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = ProviderArn;
        sandbox.Variables["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = sandbox.WriteFile("token", jwt + "\n");
        sandbox.Variables["ALIBABA_CLOUD_ROLE_SESSION_NAME"] = "github-run-42";
        sandbox.Variables["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.ToString();
        var credential = await chain.GetCredentialAsync(CancellationToken.None);

        var call = emulator.Requests.Single(r => r.Target == RequestTarget.Sts);
        Assert.AreEqual("AssumeRoleWithOIDC", call.Action);
        Assert.AreEqual(200, call.StatusCode);
        Assert.AreEqual(jwt, Parameter(call, "OIDCToken"));
        Assert.AreEqual("github-run-42", Parameter(call, "RoleSessionName"));
        Assert.AreEqual(ProviderArn, Parameter(call, "OIDCProviderArn"));
        Assert.IsFalse(call.Parameters.Any(p => p.Key == "Signature"), "AssumeRoleWithOIDC is anonymous");
        Assert.IsEmpty(call.RawQuery, "the token travels in the body, never in the URL");
        Assert.StartsWith("STS.", credential.AccessKeyId);
        Assert.IsNotNull(credential.Expiration);
        CollectionAssert.Contains(sandbox.Log.Secrets.ToArray(), credential.SecurityToken);
        CollectionAssert.Contains(sandbox.Log.Secrets.ToArray(), jwt);
    }

    [TestMethod]
    public async Task GetCredentialAsync_OnlySomeVariables_IsNotAMatchAndSaysWhatIsMissing()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables["ALIBABA_CLOUD_ROLE_ARN"] = RoleArn;
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.Contains("2. OIDC role: ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE not set",
            error.Message);
    }

    [TestMethod]
    public async Task GetCredentialAsync_TokenFileMissing_FailsNamingTheFile()
    {
        using var sandbox = new CredentialsSandbox();
        var missing = Path.Combine(sandbox.Home, "no-token");
        sandbox.Variables["ALIBABA_CLOUD_ROLE_ARN"] = RoleArn;
        sandbox.Variables["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = ProviderArn;
        sandbox.Variables["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = missing;
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains($"The OIDC token file '{missing}' (ALIBABA_CLOUD_OIDC_TOKEN_FILE) cannot be read",
            error.Message);
    }

    [TestMethod]
    public async Task GetCredentialAsync_StsRefusesTheToken_FailsWithStsErrorAndNoToken()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        using var sandbox = new CredentialsSandbox();
        var expired = CredentialsSandbox.Jwt(lifetime: TimeSpan.FromMinutes(-5));
        sandbox.Variables["ALIBABA_CLOUD_ROLE_ARN"] = RoleArn;
        sandbox.Variables["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = ProviderArn;
        sandbox.Variables["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = sandbox.WriteFile("token", expired);
        sandbox.Variables["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.Authority;
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.CredentialSourceFailed, error.ErrorCode);
        Assert.Contains("OIDC role " + RoleArn, error.Message);
        Assert.Contains("AuthenticationFail.OIDCToken.Expired", error.Message);
        Assert.Contains("RequestId", error.Message);
        Assert.DoesNotContain(expired, error.Message);
    }

    private static string Parameter(RecordedRequest request, string name) =>
        request.Parameters.Single(p => p.Key == name).Value;
}
