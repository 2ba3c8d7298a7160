using EsaStage.Core.Tests.TestSupport;

namespace EsaStage.Core.Tests.Credentials;

[TestClass]
public sealed class ProfileFileTests
{
    [TestMethod]
    [DataRow(null, null, "current-id")]
    [DataRow(null, "env", "env-id")]
    [DataRow("option", "env", "option-id")]
    public async Task CliProfile_Selection_OptionThenVariableThenCurrent(string? option, string? variable,
        string expected)
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteCliConfig(new
        {
            current = "current",
            profiles = new[] { "current", "env", "option" }.Select(n => new
            {
                name = n, mode = "AK", access_key_id = n + "-id", access_key_secret = n + "-secret",
            }),
        });
        if (variable is not null)
        {
            sandbox.Variables["ALIBABA_CLOUD_PROFILE"] = variable;
        }

        using var chain = sandbox.Chain(profile: option);
        var credential = await chain.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual(expected, credential.AccessKeyId);
        Assert.Contains($"CLI profile '{expected[..^3]}' (AK)", credential.Source);
    }

    [TestMethod]
    public async Task CliProfile_UnsupportedMode_FailsNamingTheModeAndProfile()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteCliConfig(new { current = "sso", profiles = new[] { new { name = "sso", mode = "CloudSSO" } } });
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains("CLI profile 'sso'", error.Message);
        Assert.Contains("mode 'CloudSSO' is not supported", error.Message);
    }

    [TestMethod]
    public async Task CliProfile_MissingProfile_FallsThroughToTheSharedFile()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteCliConfig(new { current = "other", profiles = new[] { new { name = "other", mode = "AK" } } });
        sandbox.WriteSharedCredentials("[deploy]\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");
        using var chain = sandbox.Chain(profile: "deploy");

        var credential = await chain.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual("ini-id", credential.AccessKeyId);
        Assert.StartsWith("[deploy] (access_key) in ", credential.Source);
    }

    [TestMethod]
    public async Task CliProfile_DisabledByVariable_IsSkipped()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteCliConfig(new { current = "a", profiles = new[] { new { name = "a", mode = "CloudSSO" } } });
        sandbox.Variables["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true";
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.CredentialsNotFound, error.ErrorCode);
        Assert.Contains("3. Alibaba Cloud CLI profile: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true", error.Message);
    }

    [TestMethod]
    public async Task SharedFile_SectionNamesAreCaseSensitive()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteSharedCredentials("; comment\n[Default]\naccess_key_id = upper\naccess_key_secret = s\n");
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.Contains("has no section [default]", error.Message);
    }

    [TestMethod]
    public async Task SharedFile_FileNamedByVariable_IsReadAndMissingOneIsAnError()
    {
        using var sandbox = new CredentialsSandbox();
        var path = sandbox.WriteFile("creds.ini", "[prod]\naccess_key_id = prod-id\naccess_key_secret = p\n");
        sandbox.Variables["ALIBABA_CLOUD_CREDENTIALS_FILE"] = path;
        sandbox.Variables["ALIBABA_CLOUD_PROFILE"] = "prod";

        using (var chain = sandbox.Chain())
        {
            Assert.AreEqual("prod-id", (await chain.GetCredentialAsync(CancellationToken.None)).AccessKeyId);
        }

        sandbox.Variables["ALIBABA_CLOUD_CREDENTIALS_FILE"] = path + ".missing";
        using var broken = sandbox.Chain();
        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await broken.GetCredentialAsync(CancellationToken.None));
        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains("ALIBABA_CLOUD_CREDENTIALS_FILE names", error.Message);
    }

    [TestMethod]
    public async Task SharedFile_MalformedLine_IsReportedWithoutItsText()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteSharedCredentials("[default]\naccess_key_id = id\nmy-secret-value-without-a-key\n");
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains("not valid INI at line", error.Message);
        Assert.DoesNotContain("my-secret-value", error.Message);
        Assert.IsNull(error.InnerException);
    }

    [TestMethod]
    public async Task SharedFile_UnknownType_FailsNamingTheType()
    {
        using var sandbox = new CredentialsSandbox();
        sandbox.WriteSharedCredentials("[default]\ntype = rsa_key_pair\n");
        using var chain = sandbox.Chain();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await chain.GetCredentialAsync(CancellationToken.None));

        Assert.Contains("type 'rsa_key_pair', which is not supported", error.Message);
    }
}
