using System.Net;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Oss;

[TestClass]
public sealed class CallbackSenderTests
{
    private const string Key = "site_er_js/custom.js";

    [TestMethod]
    public async Task Post_CallbackServerAnswersJson_Answers200WithItAndSubstitutesVariables()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var server = new CallbackServer(200, "{\"ok\":true}");
        var callback = CustomUploadPolicy.Callback(server.Url,
            "object=${object}&size=${size}&bucket=${bucket}&v=${x:var}&none=${x:absent}");

        var body = CustomUploadPolicy.Form(harness.Emulator, Key, "[{\"bucket\":\"esa-emulator\"}]",
            [("callback", callback), ("x:var", "a b&c")]).File("12345"u8.ToArray());

        using var response = await harness.PostFormAsync(body);
        var request = await server.Request;

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("{\"ok\":true}", await response.Content.ReadAsStringAsync());
        StringAssert.StartsWith(request, "POST /cb HTTP/1.1");
        StringAssert.Contains(request, "Content-Type: application/x-www-form-urlencoded");
        StringAssert.EndsWith(request,
            "\r\n\r\nobject=site_er_js%2Fcustom.js&size=5&bucket=esa-emulator&v=a%20b%26c&none=");
    }

    [TestMethod]
    [DataRow(200, "not json", "Response body is not valid json format.")]
    [DataRow(502, "{}", "Error status : 502.")]
    public async Task Post_CallbackServerMisbehaves_Answers203(int status, string body, string message)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var server = new CallbackServer(status, body);
        var callback = CustomUploadPolicy.Callback(server.Url, "object=${object}");

        using var response = await harness.PostFormAsync(CustomUploadPolicy.Form(harness.Emulator, Key, "[]",
            [("callback", callback)]).File("1"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((203, "CallbackFailed", message), (error.Status, error.Code, error.Message));
    }

    [TestMethod]
    public async Task Post_CallbackToAHostBeyondLoopback_Answers203WithoutCallingIt()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var callback = CustomUploadPolicy.Callback(new Uri("http://192.0.2.1/cb"), "object=${object}");

        using var response = await harness.PostFormAsync(CustomUploadPolicy.Form(harness.Emulator, Key, "[]",
            [("callback", callback)]).File("1"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual(203, error.Status);
        StringAssert.Contains(error.Message, "can not connect to your callbackUrl");
    }

    [TestMethod]
    public async Task Post_CallbackNotBase64Json_RefusesWithInvalidArgument()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.PostFormAsync(CustomUploadPolicy.Form(harness.Emulator, Key, "[]",
            [("callback", "not-a-callback")]).File("1"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((400, "InvalidArgument"), (error.Status, error.Code));
    }
}
