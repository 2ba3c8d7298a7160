using System.Text;
using EsaStage.Core.Oss;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.Oss;

[TestClass]
public sealed class PostObjectUploadTests
{
    [TestMethod]
    public async Task UploadAsync_IssuedForm_SendsFieldsInOrderWithFileLastAndAContentLength()
    {
        await using var harness = await StagingHarness.StartAsync();
        var info = await harness.Client.GetRoutineStagingCodeUploadInfoAsync(StagingHarness.Routine, "修复 ✓",
            CancellationToken.None);
        var code = harness.WriteCode();

        var result = await harness.Upload.UploadAsync(OssPostForm.FromConfig(info.OssPostConfig), code, null,
            CancellationToken.None);

        var upload = harness.Requests(RequestTarget.Oss).Single();
        Assert.AreEqual(200, result.HttpStatus);
        CollectionAssert.AreEqual(info.OssPostConfig.Where(e => e.Key != "Url").ToArray(), upload.FormFields.ToArray());
        Assert.IsFalse(upload.IsChunked);
        Assert.IsNotNull(upload.ContentLength);
        var contentType = upload.Headers.Single(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        Assert.MatchesRegex("^multipart/form-data; boundary=[A-Za-z0-9-]+$", contentType.Value);
        var key = info.OssPostConfig.Single(e => e.Key == "key").Value;
        Assert.AreEqual($"form-data; name=\"file\"; filename=\"{key[(key.LastIndexOf('/') + 1)..]}\"",
            upload.FileContentDisposition);
        Assert.AreEqual(new FileInfo(code).Length, upload.FileLength);
        Assert.AreEqual(result.Sha256, upload.FileSha256);
    }

    [TestMethod]
    public async Task UploadAsync_FiveMegabytesFromAPathWithSpaceAndNonAscii_ArrivesWhole()
    {
        await using var harness = await StagingHarness.StartAsync();
        var bytes = new byte[5 * 1024 * 1024];
        new Random(42).NextBytes(bytes);
        var code = harness.WriteCode(Path.Combine("dist", "路由 worker.js"), bytes);
        var info = await harness.Client.GetRoutineStagingCodeUploadInfoAsync(StagingHarness.Routine, null,
            CancellationToken.None);
        var progress = new List<UploadProgress>();

        await harness.Upload.UploadAsync(OssPostForm.FromConfig(info.OssPostConfig), code,
            new SynchronousProgress(progress.Add), CancellationToken.None);

        var upload = harness.Requests(RequestTarget.Oss).Single();
        Assert.AreEqual(bytes.Length, upload.FileLength);
        Assert.IsFalse(upload.IsChunked);
        Assert.DoesNotContain("filename*", upload.FileContentDisposition!);
        Assert.DoesNotContain("worker", upload.FileContentDisposition!);
        CollectionAssert.AreEqual(bytes, harness.Emulator.State.GetStagingCode(StagingHarness.Routine));
        Assert.AreEqual(new UploadProgress(bytes.Length, bytes.Length), progress[^1]);
    }

    [TestMethod]
    public async Task UploadAsync_AlteredDescriptionField_IsRefusedByThePolicy()
    {
        await using var harness = await StagingHarness.StartAsync();
        var info = await harness.Client.GetRoutineStagingCodeUploadInfoAsync(StagingHarness.Routine, "Hello World",
            CancellationToken.None);
        var altered = info.OssPostConfig
            .Select(e => e.Key == "x:codeDescription"
                ? new KeyValuePair<string, string>(e.Key, Convert.ToBase64String(Encoding.UTF8.GetBytes("\"Bye\"")))
                : e)
            .ToList();

        var error = await Assert.ThrowsAsync<OssUploadException>(() => harness.Upload.UploadAsync(
            OssPostForm.FromConfig(altered), harness.WriteCode(), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.UploadRejected, error.ErrorCode);
        Assert.AreEqual(403, error.Error!.HttpStatus);
    }

    [TestMethod]
    public async Task GetRoutineStagingCodeUploadInfoAsync_Description_ServerFieldIsForwardedByteForByte()
    {
        await using var harness = await StagingHarness.StartAsync();

        var info = await harness.Client.GetRoutineStagingCodeUploadInfoAsync(StagingHarness.Routine, "Hello World",
            CancellationToken.None);
        await harness.Upload.UploadAsync(OssPostForm.FromConfig(info.OssPostConfig), harness.WriteCode(), null,
            CancellationToken.None);

        var issued = info.OssPostConfig.Single(e => e.Key == "x:codeDescription").Value;
        Assert.AreEqual("IkhlbGxvIFdvcmxkIg==", issued);
        Assert.AreEqual(issued,
            harness.Requests(RequestTarget.Oss).Single().FormFields.Single(f => f.Key == "x:codeDescription").Value);
    }

    private sealed class SynchronousProgress(Action<UploadProgress> report) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => report(value);
    }
}
