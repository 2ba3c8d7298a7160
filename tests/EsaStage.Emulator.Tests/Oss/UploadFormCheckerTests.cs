using System.Text;
using EsaStage.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Emulator.Tests.Oss;

[TestClass]
public sealed class UploadFormCheckerTests
{
    private static readonly byte[] Code =
        Encoding.UTF8.GetBytes("export default { fetch: () => new Response('ok') };\n");

    [TestMethod]
    public async Task Post_PolicyFieldCapitalised_RefusesAsAnIncompleteCredentialSet()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody();
        foreach (var name in UploadForm.CliFieldOrder)
        {
            body.Field(name == "policy" ? "Policy" : name, form[name]);
        }

        var error = await PostAndReadErrorAsync(harness, body.File(Code));

        Assert.AreEqual((400, "InvalidArgument"), (error.Status, error.Code));
    }

    [TestMethod]
    [DataRow("x:codeDescription", "$x:codeDescription")]
    [DataRow("key", "$key")]
    [DataRow("callback", "$callback")]
    public async Task Post_IssuedValueAltered_RefusesWithPolicyConditionFailed(string field, string inMessage)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync(description: "original");
        var altered = field == "x:codeDescription"
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes("\"altered\""))
            : field == "key" ? "site_er_js/other.js" : Convert.ToBase64String("{\"callbackUrl\":\"x\"}"u8);

        var error = await PostAndReadErrorAsync(harness,
            form.ToMultipart(Code, (name, value) => name == field ? altered : value));

        Assert.AreEqual((403, "AccessDenied"), (error.Status, error.Code));
        StringAssert.StartsWith(error.Message, "Invalid according to Policy: Policy Condition failed: [\"eq\", ");
        StringAssert.Contains(error.Message, inMessage);
    }

    [TestMethod]
    public async Task Post_WrongSignature_RefusesWithSignatureDoesNotMatch()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();

        var error = await PostAndReadErrorAsync(harness, form.ToMultipart(Code,
            (name, value) => name == "Signature" ? Convert.ToBase64String(new byte[20]) : value));

        Assert.AreEqual((403, "SignatureDoesNotMatch"), (error.Status, error.Code));
    }

    [TestMethod]
    public async Task Post_UnknownAccessKeyId_RefusesWithInvalidAccessKeyId()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();

        var error = await PostAndReadErrorAsync(harness, form.ToMultipart(Code,
            (name, value) => name == "OSSAccessKeyId" ? harness.Emulator.AccessKeyId : value));

        Assert.AreEqual((403, "InvalidAccessKeyId"), (error.Status, error.Code));
    }

    [TestMethod]
    public async Task Post_AfterPolicyExpiration_RefusesWithPolicyExpired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], TimeProvider = time });
        var form = await harness.IssueUploadAsync();
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(1));

        var error = await PostAndReadErrorAsync(harness, form.ToMultipart(Code));

        Assert.AreEqual((403, "AccessDenied"), (error.Status, error.Code));
        Assert.AreEqual("Invalid according to Policy: Policy expired.", error.Message);
    }

    [TestMethod]
    public async Task Post_FieldNotNamedByThePolicy_RefusesWithAccessDenied()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody().Field("submit", "Upload");
        foreach (var name in UploadForm.CliFieldOrder)
        {
            body.Field(name, form[name]);
        }

        var error = await PostAndReadErrorAsync(harness, body.File(Code));

        Assert.AreEqual((403, "AccessDenied"), (error.Status, error.Code));
        StringAssert.Contains(error.Message, "\"submit\"");
    }

    [TestMethod]
    public async Task Post_StartsWithConditionNotMet_RefusesWithAccessDenied()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var body = CustomUploadPolicy.Form(harness.Emulator, "site_er_js/custom.js",
            "[[\"starts-with\",\"$key\",\"user/\"]]", []).File("1"u8.ToArray());

        using var response = await harness.PostFormAsync(body);
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((403, "AccessDenied"), (error.Status, error.Code));
        StringAssert.Contains(error.Message, "[\"starts-with\", \"$key\", \"user/\"]");
    }

    private static async Task<OssErrorBody> PostAndReadErrorAsync(EmulatorHarness harness, MultipartBody body)
    {
        using var response = await harness.PostFormAsync(body);
        return await OssErrorBody.ReadAsync(response);
    }
}
