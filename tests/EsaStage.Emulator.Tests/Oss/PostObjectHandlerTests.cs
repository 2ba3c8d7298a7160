using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Oss;

[TestClass]
public sealed class PostObjectHandlerTests
{
    private static readonly byte[] Code =
        Encoding.UTF8.GetBytes("export default { fetch: () => new Response('ok') };\n");

    [TestMethod]
    public async Task Post_CliShapedForm_Answers200WithCallbackJsonAndStoresTheBytes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync(description: "Hello World");

        using var response = await harness.PostFormAsync(form.ToMultipart(Code));

        Assert.AreEqual(200, (int)response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("{\"Status\":\"OK\"}", await response.Content.ReadAsStringAsync());
        Assert.AreEqual($"\"{Convert.ToHexString(MD5.HashData(Code))}\"", response.Headers.ETag?.Tag);
        Assert.MatchesRegex("^[0-9A-F]{24}$", response.Headers.GetValues("x-oss-request-id").Single());
        CollectionAssert.AreEqual(Code, harness.Emulator.State.GetStagingCode("hello"));
        Assert.AreEqual("Hello World", harness.Emulator.State.GetRoutine("hello")!.StagingCode!.Description);

        var upload = harness.Emulator.Requests.Single(r => r.Target == RequestTarget.Oss);
        CollectionAssert.AreEqual(UploadForm.CliFieldOrder, upload.FormFields.Select(f => f.Key).ToArray());
        Assert.AreEqual(form["policy"], upload.FormFields.Single(f => f.Key == "policy").Value);
        Assert.AreEqual("form-data; name=\"file\"", upload.FileContentDisposition);
        Assert.IsNull(upload.FileContentType);
        Assert.AreEqual(Code.Length, upload.FileLength);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(Code)), upload.FileSha256);
        Assert.IsFalse(upload.IsChunked);
        Assert.IsNotNull(upload.ContentLength);
        Assert.IsTrue(upload.Body.IsEmpty);
        var callback = harness.Emulator.Requests.Single(r => r.Target == RequestTarget.Callback);
        Assert.AreEqual(200, callback.StatusCode);
        Assert.Contains(new KeyValuePair<string, string>("object", form["key"]), callback.Parameters);
        Assert.Contains(new KeyValuePair<string, string>("size", Code.Length.ToString(
            System.Globalization.CultureInfo.InvariantCulture)), callback.Parameters);
    }

    [TestMethod]
    public async Task Post_FilePartWithFilenameAndContentType_IsAccepted()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody();
        foreach (var (name, value) in form.Fields)
        {
            body.Field(name, value);
        }

        using var response = await harness.PostFormAsync(body.File(Code, "hello.js", "application/javascript"));

        Assert.AreEqual(200, (int)response.StatusCode);
        var upload = harness.Emulator.Requests.Single(r => r.Target == RequestTarget.Oss);
        Assert.AreEqual("form-data; name=\"file\"; filename=\"hello.js\"", upload.FileContentDisposition);
        Assert.AreEqual("application/javascript", upload.FileContentType);
    }

    [TestMethod]
    public async Task Post_LargeFile_IsStreamedAndStoredIntact()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var large = new byte[12 * 1024 * 1024 + 7];
        new Random(7).NextBytes(large);

        using var response = await harness.PostFormAsync(form.ToMultipart(large));

        Assert.AreEqual(200, (int)response.StatusCode);
        var routine = harness.Emulator.State.GetRoutine("hello")!;
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(large)), routine.StagingCode!.Sha256);
        Assert.AreEqual(large.Length, routine.StagingCode.Length);
    }

    [TestMethod]
    public async Task Post_FieldAfterFile_RefusesWithMalformedPostRequest()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody();
        foreach (var name in UploadForm.CliFieldOrder.Where(n => n != "policy"))
        {
            body.Field(name, form[name]);
        }

        body.File(Code).Field("policy", form["policy"]);

        var error = await PostAndReadErrorAsync(harness, body);

        Assert.AreEqual((400, "MalformedPOSTRequest"), (error.Status, error.Code));
        Assert.IsNull(harness.Emulator.State.GetStagingCode("hello"));
    }

    [TestMethod]
    public async Task Post_FieldAfterFileWithEveryFieldBefore_RefusesWithMalformedPostRequest()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();

        var error = await PostAndReadErrorAsync(harness, form.ToMultipart(Code).Field("x:late", "1"));

        Assert.AreEqual("MalformedPOSTRequest", error.Code);
        Assert.IsNull(harness.Emulator.State.GetRoutine("hello")!.StagingCode);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task Post_KeyMissingOrAfterFile_RefusesWithInvalidArgument(bool keyAfterFile)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody();
        foreach (var name in UploadForm.CliFieldOrder.Where(n => n != "key"))
        {
            body.Field(name, form[name]);
        }

        body.File(Code);
        if (keyAfterFile)
        {
            body.Field("key", form["key"]);
        }

        var error = await PostAndReadErrorAsync(harness, body);

        Assert.AreEqual((400, "InvalidArgument"), (error.Status, error.Code));
        Assert.AreEqual("The bucket POST must contain the specified 'key'. If it is specified, please check the "
            + "order of the fields", error.Message);
    }

    [TestMethod]
    public async Task Post_Chunked_RefusesWithMissingContentLength()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();

        using var response = await harness.PostFormAsync(form.ToMultipart(Code), chunked: true);
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((411, "MissingContentLength"), (error.Status, error.Code));
        Assert.IsTrue(harness.Emulator.Requests.Single(r => r.Target == RequestTarget.Oss).IsChunked);
    }

    [TestMethod]
    [DataRow("application/x-www-form-urlencoded")]
    [DataRow("multipart/form-data, boundary={0}")]
    [DataRow("multipart/form-data")]
    public async Task Post_NotMultipartWithSemicolonBoundary_RefusesWithInvalidArgument(string contentType)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = form.ToMultipart(Code);

        using var response = await harness.PostFormAsync(body, contentType: string.Format(
            System.Globalization.CultureInfo.InvariantCulture, contentType, body.Boundary));
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((400, "InvalidArgument"), (error.Status, error.Code));
        Assert.AreEqual("Bucket POST must be of the enclosure-type multipart/form-data", error.Message);
    }

    [TestMethod]
    public async Task Post_NoFilePart_RefusesWithIncorrectNumberOfFiles()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody();
        foreach (var name in UploadForm.CliFieldOrder)
        {
            body.Field(name, form[name]);
        }

        var error = await PostAndReadErrorAsync(harness, body);

        Assert.AreEqual((400, "IncorrectNumberOfFilesInPOSTRequest"), (error.Status, error.Code));
    }

    [TestMethod]
    public async Task Post_EmptyOrOversizedFile_RefusesOutsideTheSizeRange()
    {
        await using var harness = await EmulatorHarness.StartAsync(
            new EmulatorOptions { Routines = ["hello"], MaxCodeBytes = 64 });
        var form = await harness.IssueUploadAsync();

        var empty = await PostAndReadErrorAsync(harness, form.ToMultipart([]));
        var oversized = await PostAndReadErrorAsync(harness, form.ToMultipart(new byte[65]));
        using var exact = await harness.PostFormAsync(form.ToMultipart(new byte[64]));

        Assert.AreEqual((400, "EntityTooSmall"), (empty.Status, empty.Code));
        Assert.AreEqual((400, "EntityTooLarge"), (oversized.Status, oversized.Code));
        Assert.AreEqual(200, (int)exact.StatusCode);
    }

    [TestMethod]
    public async Task Post_FilePartWithAnExtraHeader_RefusesWithInvalidArgument()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var body = new MultipartBody();
        foreach (var name in UploadForm.CliFieldOrder)
        {
            body.Field(name, form[name]);
        }

        var error = await PostAndReadErrorAsync(harness,
            body.File(Code, "a.js", "application/javascript", extraHeader: "Content-Transfer-Encoding: binary"));

        Assert.AreEqual((400, "InvalidArgument"), (error.Status, error.Code));
    }

    [TestMethod]
    public async Task Get_Root_RefusesWithMethodNotAllowed()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.Http.GetAsync(harness.Emulator.OssEndpoint);
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((405, "MethodNotAllowed"), (error.Status, error.Code));
    }

    [TestMethod]
    public async Task Post_SameFormTwice_SecondCallbackFailsWith203AndRegistersNothing()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        using var first = await harness.PostFormAsync(form.ToMultipart(Code));

        using var second = await harness.PostFormAsync(form.ToMultipart("other"u8.ToArray()));
        var error = await OssErrorBody.ReadAsync(second);

        Assert.AreEqual(200, (int)first.StatusCode);
        Assert.AreEqual((203, "CallbackFailed"), (error.Status, error.Code));
        Assert.AreEqual("Error status : 400.", error.Message);
        Assert.IsNotNull(second.Headers.ETag);
        CollectionAssert.AreEqual(Code, harness.Emulator.State.GetStagingCode("hello"));
        Assert.HasCount(1, harness.Emulator.State.GetRoutine("hello")!.CodeVersions);
    }

    [TestMethod]
    public async Task Post_Error_CarriesTheRequestIdInHeaderAndBody()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();

        var error = await PostAndReadErrorAsync(harness, form.ToMultipart(Code).Field("late", "1"));

        Assert.AreEqual(error.RequestId, error.RequestIdHeader);
        Assert.AreEqual(error.Code, harness.Emulator.Requests.Single(r => r.Target == RequestTarget.Oss).ErrorCode);
    }

    [TestMethod]
    [DataRow(null, 204)]
    [DataRow("200", 200)]
    [DataRow("201", 201)]
    [DataRow("302", 204)]
    public async Task Post_NoCallback_AnswersTheSuccessActionStatus(string? successActionStatus, int expected)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var fields = successActionStatus is null
            ? Array.Empty<(string, string)>()
            : [("success_action_status", successActionStatus)];

        using var response = await harness.PostFormAsync(
            CustomUploadPolicy.Form(harness.Emulator, "site_er_js/custom.js", "[]", fields).File("1"u8.ToArray()));

        Assert.AreEqual(expected, (int)response.StatusCode);
        Assert.IsNotNull(response.Headers.ETag);
        if (expected == 201)
        {
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            Assert.AreEqual("site_er_js/custom.js", xml.Element("Key")!.Value);
        }
    }

    [TestMethod]
    public async Task Post_BodyWithoutClosingBoundary_RefusesWithMalformedPostRequest()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var form = await harness.IssueUploadAsync();
        var whole = form.ToMultipart(Code);
        var truncated = whole.ToArray()[..^(whole.Boundary.Length + 6)];
        using var content = new ByteArrayContent(truncated);
        content.Headers.TryAddWithoutValidation("Content-Type", whole.ContentType);

        using var response = await harness.Http.PostAsync(harness.Emulator.OssEndpoint, content);
        var error = await OssErrorBody.ReadAsync(response);

        Assert.AreEqual((400, "MalformedPOSTRequest"), (error.Status, error.Code));
        Assert.IsNull(harness.Emulator.State.GetStagingCode("hello"));
    }

    private static async Task<OssErrorBody> PostAndReadErrorAsync(EmulatorHarness harness, MultipartBody body)
    {
        using var response = await harness.PostFormAsync(body);
        return await OssErrorBody.ReadAsync(response);
    }
}
