using System.Text;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Esa;

[TestClass]
public sealed class UploadCallbackReceiverTests
{
    [TestMethod]
    public async Task Post_UnknownObject_AnswersBadRequest()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var content = new StringContent("bucket=esa-emulator&object=site_er_js%2Fnope.js&size=1&etag=X",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await harness.Http.PostAsync(new Uri(harness.Emulator.Endpoint, "_oss/callback"),
            content);

        Assert.AreEqual(400, (int)response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "\"Status\":\"Error\"");
        Assert.AreEqual(RequestTarget.Callback, harness.Emulator.Requests.Single().Target);
    }

    [TestMethod]
    public async Task Post_FormIssuedButNothingUploaded_AnswersBadRequest()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        using var content = new StringContent($"object={Uri.EscapeDataString(form["key"])}&size=1",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await harness.Http.PostAsync(new Uri(harness.Emulator.Endpoint, "_oss/callback"),
            content);

        Assert.AreEqual(400, (int)response.StatusCode);
        Assert.IsNull(harness.Emulator.State.GetRoutine("hello")!.StagingCode);
    }
}
