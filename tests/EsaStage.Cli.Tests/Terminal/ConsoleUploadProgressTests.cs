using EsaStage.Cli.Terminal;
using EsaStage.Core.Oss;

namespace EsaStage.Cli.Tests.Terminal;

[TestClass]
public sealed class ConsoleUploadProgressTests
{
    [TestMethod]
    public void Report_LargeUpload_DrawsFirstAndLastLineOnly()
    {
        using var stderr = new StringWriter();
        var progress = new ConsoleUploadProgress(stderr);
        const long Total = 4 * 1024 * 1024;

        progress.Report(new UploadProgress(1024 * 1024, Total));
        progress.Report(new UploadProgress(2 * 1024 * 1024, Total));
        progress.Report(new UploadProgress(Total, Total));

        var text = stderr.ToString();
        StringAssert.StartsWith(text, "\rUploading 1.0 / 4.0 MB ( 25%)");
        Assert.Contains("\rUploading 4.0 / 4.0 MB (100%)", text);
        Assert.DoesNotContain("2.0 / 4.0", text);
        Assert.EndsWith(Environment.NewLine, text);
    }

    [TestMethod]
    public void Report_SmallUpload_DrawsNothing()
    {
        using var stderr = new StringWriter();

        new ConsoleUploadProgress(stderr).Report(new UploadProgress(1000, 1000));

        Assert.AreEqual(string.Empty, stderr.ToString());
    }
}
