using EsaStage.Core.Credentials;

namespace EsaStage.Core.Tests.Credentials;

[TestClass]
public sealed class EnvironmentCredentialProviderTests
{
    [TestMethod]
    public async Task GetCredentialAsync_KeyAndSecret_ReturnsLongLivedCredential()
    {
        var provider = Provider(("ALIBABA_CLOUD_ACCESS_KEY_ID", "id"), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"));

        var credential = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual(new AccessKeyCredential("id", "secret")
        {
            Source = "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        }, credential);
        Assert.IsNull(credential.SecurityToken);
    }

    [TestMethod]
    public async Task GetCredentialAsync_WithToken_ReturnsTemporaryCredential()
    {
        var provider = Provider(("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.id"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"), ("ALIBABA_CLOUD_SECURITY_TOKEN", "token"));

        var credential = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual("token", credential.SecurityToken);
    }

    [TestMethod]
    [DataRow("abc123\n")]
    [DataRow(" abc123")]
    [DataRow("abc123 ")]
    [DataRow("\tabc123")]
    public void GetCredentialAsync_SecretWithSurroundingWhitespace_FailsWithoutShowingIt(string secret)
    {
        var provider = Provider(("ALIBABA_CLOUD_ACCESS_KEY_ID", "id"), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret));

        var error = Assert.Throws<EsaStageException>(() => provider.TryRead());

        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET", error.Message);
        Assert.DoesNotContain("abc123", error.Message);
    }

    [TestMethod]
    [DataRow("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIé")]
    [DataRow("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI inner")]
    [DataRow("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sec\u0001ret")]
    [DataRow("ALIBABA_CLOUD_SECURITY_TOKEN", "tök\rén")]
    public void TryRead_CharacterNoKeyHolds_FailsLocallyNamingTheVariable(string variable, string value)
    {
        var variables = new Dictionary<string, string>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "id",
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "secret",
        };
        variables[variable] = System.Text.RegularExpressions.Regex.Unescape(value);
        var provider = new EnvironmentCredentialProvider(name => variables.GetValueOrDefault(name));

        var error = Assert.Throws<EsaStageException>(() => provider.TryRead());

        Assert.AreEqual(ErrorCodes.InvalidCredentials, error.ErrorCode);
        Assert.Contains(variable, error.Message);
        Assert.DoesNotContain(variables[variable], error.Message);
    }

    [TestMethod]
    public void GetCredentialAsync_OnlyId_NamesTheMissingSecret()
    {
        var provider = Provider(("ALIBABA_CLOUD_ACCESS_KEY_ID", "id"));

        var error = Assert.Throws<EsaStageException>(() => provider.TryRead());

        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not", error.Message);
    }

    [TestMethod]
    public async Task GetCredentialAsync_NothingSet_FailsWithNotFound()
    {
        var provider = Provider();

        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await provider.GetCredentialAsync(CancellationToken.None));

        Assert.AreEqual(ErrorCodes.CredentialsNotFound, error.ErrorCode);
    }

    [TestMethod]
    public void ToString_TemporaryCredential_ShowsNeitherSecretNorToken()
    {
        var credential = new AccessKeyCredential("id", "the-secret", "the-token");

        var text = credential.ToString();

        Assert.DoesNotContain("the-secret", text);
        Assert.DoesNotContain("the-token", text);
        Assert.Contains("id", text);
    }

    private static EnvironmentCredentialProvider Provider(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return new EnvironmentCredentialProvider(name => map.GetValueOrDefault(name));
    }
}
