using System.Globalization;
using System.Text;
using System.Text.Json;
using EsaStage.Core.Signing;
using EsaStage.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Emulator.Tests.Sts;

[TestClass]
public sealed class StsHandlerTests
{
    private const string RoleArn = "acs:ram::1234567890123456:role/deployer";

    [TestMethod]
    public async Task AssumeRole_SignedWithTheEmulatorKey_IssuesACredentialTheApiAccepts()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var (status, json) = await SendAsync(harness, AssumeRole(harness, harness.Emulator.AccessKeySecret));

        Assert.AreEqual(200, status, json.ToString());
        var credentials = json.GetProperty("Credentials");
        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = credentials.GetProperty("AccessKeyId").GetString()!,
            AccessKeySecret = credentials.GetProperty("AccessKeySecret").GetString()!,
            SecurityToken = credentials.GetProperty("SecurityToken").GetString(),
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });
        Assert.AreEqual(200, answer.Status, answer.Message);
        Assert.AreEqual("acs:ram::1234567890123456:assumed-role/deployer/ci-session",
            json.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());
        var expiration = DateTimeOffset.Parse(credentials.GetProperty("Expiration").GetString()!,
            CultureInfo.InvariantCulture);
        Assert.IsLessThan(TimeSpan.FromSeconds(2), (expiration - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(900))
            .Duration());
    }

    [TestMethod]
    public async Task AssumeRole_WrongSecret_IsRefusedWithTheServersStringToSign()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var (status, json) = await SendAsync(harness, AssumeRole(harness, "not-the-secret"));

        Assert.AreEqual(400, status);
        Assert.AreEqual("SignatureDoesNotMatch", json.GetProperty("Code").GetString());
        StringAssert.Contains(json.GetProperty("Message").GetString(), "POST&%2F&AccessKeyId%3D");
    }

    [TestMethod]
    public async Task AssumeRole_ReplayedNonce_IsRefused()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var parameters = AssumeRole(harness, harness.Emulator.AccessKeySecret);

        var first = await SendAsync(harness, parameters);
        var replay = await SendAsync(harness, parameters);

        Assert.AreEqual(200, first.Status);
        Assert.AreEqual("SignatureNonceUsed", replay.Json.GetProperty("Code").GetString());
    }

    [TestMethod]
    [DataRow("RoleArn", "arn:aws:iam::1:role/x", "InvalidParameter.RoleArn")]
    [DataRow("RoleSessionName", "a", "InvalidParameter.RoleSessionName")]
    [DataRow("DurationSeconds", "60", "InvalidParameter.DurationSeconds")]
    [DataRow("AccessKeyId", "LTAIunknown", "InvalidAccessKeyId.NotFound")]
    [DataRow("Timestamp", "2001-01-01T00:00:00Z", "InvalidTimeStamp.Expired")]
    public async Task AssumeRole_BadParameter_IsRefusedWithItsCode(string name, string value, string code)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var (_, json) = await SendAsync(harness, AssumeRole(harness, harness.Emulator.AccessKeySecret,
            (name, value)));

        Assert.AreEqual(code, json.GetProperty("Code").GetString());
    }

    [TestMethod]
    public async Task AssumeRoleWithOidc_ValidToken_AnswersWithTheTokensClaims()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var (status, json) = await SendAsync(harness, Oidc(Jwt(TimeSpan.FromMinutes(10))));

        Assert.AreEqual(200, status, json.ToString());
        Assert.AreEqual("repo:octo/app", json.GetProperty("OIDCTokenInfo").GetProperty("Subject").GetString());
        StringAssert.StartsWith(json.GetProperty("Credentials").GetProperty("AccessKeyId").GetString(), "STS.");
        var recorded = harness.Emulator.Requests.Single();
        Assert.AreEqual(RequestTarget.Sts, recorded.Target);
        Assert.AreEqual("AssumeRoleWithOIDC", recorded.Action);
    }

    [TestMethod]
    [DataRow("not-a-jwt", "InvalidParameter.OIDCToken")]
    [DataRow("expired", "AuthenticationFail.OIDCToken.Expired")]
    public async Task AssumeRoleWithOidc_BadToken_IsRefused(string token, string code)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var (status, json) = await SendAsync(harness, Oidc(token == "expired" ? Jwt(TimeSpan.FromMinutes(-1)) : token));

        Assert.AreEqual(400, status);
        Assert.AreEqual(code, json.GetProperty("Code").GetString());
    }

    [TestMethod]
    public async Task ApiRequest_ExpiredTemporaryCredential_IsRefused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            Routines = ["hello"], TimeProvider = time,
        });
        var sts = harness.Emulator.IssueTemporaryCredential(TimeSpan.FromMinutes(15));
        time.Advance(TimeSpan.FromMinutes(16));

        var answer = await harness.SendAsync(new SignedEsaRequest
        {
            AccessKeyId = sts.AccessKeyId,
            AccessKeySecret = sts.AccessKeySecret,
            SecurityToken = sts.SecurityToken,
            Action = "GetRoutine",
            Parameters = [new("Name", "hello")],
        });

        Assert.AreEqual(403, answer.Status);
        Assert.AreEqual("InvalidSecurityToken.Expired", answer.Code);
    }

    private static List<KeyValuePair<string, string>> AssumeRole(EmulatorHarness harness, string secret,
        params (string Name, string Value)[] overrides)
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["Version"] = "2015-04-01",
            ["Format"] = "JSON",
            ["Timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["AccessKeyId"] = harness.Emulator.AccessKeyId,
            ["RoleArn"] = RoleArn,
            ["RoleSessionName"] = "ci-session",
            ["DurationSeconds"] = "900",
        };
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }

        var list = parameters.ToList();
        list.Add(new("Signature", RpcV2Signer.Sign("POST", list, secret)));
        return list;
    }

    private static List<KeyValuePair<string, string>> Oidc(string token) =>
    [
        new("Action", "AssumeRoleWithOIDC"), new("Version", "2015-04-01"), new("Format", "JSON"),
        new("RoleArn", RoleArn), new("RoleSessionName", "github"), new("OIDCToken", token),
        new("OIDCProviderArn", "acs:ram::1234567890123456:oidc-provider/github"),
    ];

    private static string Jwt(TimeSpan lifetime)
    {
        static string Part(string json) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var exp = (DateTimeOffset.UtcNow + lifetime).ToUnixTimeSeconds();
        return Part("{\"alg\":\"RS256\"}") + "." +
            Part($"{{\"sub\":\"repo:octo/app\",\"iss\":\"https://issuer.example\",\"aud\":\"sts\",\"exp\":{exp}}}") +
            ".c2ln";
    }

    private static async Task<(int Status, JsonElement Json)> SendAsync(EmulatorHarness harness,
        List<KeyValuePair<string, string>> parameters)
    {
        using var content = new ByteArrayContent(FormUrlEncoding.Encode(parameters));
        content.Headers.ContentType = new(FormUrlEncoding.ContentType);
        using var response = await harness.Http.PostAsync(harness.Emulator.StsEndpoint, content);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, document.RootElement.Clone());
    }
}
