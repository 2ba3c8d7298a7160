using EsaStage.Core.Ci;
using EsaStage.Core.Staging;
using EsaStage.Tests.Shared;

namespace EsaStage.Core.Tests.Ci;

[TestClass]
public sealed class AzurePipelinesSinkTests
{
    private static readonly StageResult Result = new("hello-routine", "1710120201067203242", "50% off | *now*",
        "1710120201067203243", "staging", 1234, new string('a', 64), "https://esa.cn-hangzhou.aliyuncs.com");

    [TestMethod]
    public void PublishOutputs_Result_SetsEachNameAsPlainThenOutputVariable()
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).PublishOutputs(Result);

        var commands = AgentLoggingCommand.ParseAll(stdout.ToString());
        string[] expected =
        [
            "CodeVersion=1710120201067203242 plain", "CodeVersion=1710120201067203242 output",
            "CommittedCodeVersion=1710120201067203243 plain", "CommittedCodeVersion=1710120201067203243 output",
            "PublishedEnvironment=staging plain", "PublishedEnvironment=staging output",
        ];
        CollectionAssert.AreEqual(expected, commands.Select(Describe).ToArray());
    }

    [TestMethod]
    [DataRow("12%3B;]x\ny")]
    [DataRow("%AZP25")]
    [DataRow("100%")]
    [DataRow("a\r\nb%0Ac%5D")]
    [DataRow("##vso[task.complete result=Failed]")]
    public void PublishOutputs_AwkwardValue_ReadsBackUnchangedOnOneLine(string value)
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).PublishOutputs(Result with { CodeVersion = value });

        var lines = stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.HasCount(6, lines);
        var first = AgentLoggingCommand.TryParse(lines[1]);
        Assert.IsNotNull(first);
        Assert.AreEqual("task.setvariable", first.Name);
        Assert.AreEqual("CodeVersion", first.Property("variable"));
        Assert.AreEqual(value, first.Data);
    }

    [TestMethod]
    public void PublishOutputs_NothingCommittedOrPublished_SetsEmptyValues()
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null)
            .PublishOutputs(Result with { CommittedCodeVersion = null, PublishedEnvironment = null });

        var outputs = AgentLoggingCommand.ParseAll(stdout.ToString())
            .Where(c => c.Property("isoutput") == "true")
            .ToDictionary(c => c.Property("variable")!, c => c.Data);
        Assert.AreEqual("1710120201067203242", outputs["CodeVersion"]);
        Assert.AreEqual(string.Empty, outputs["CommittedCodeVersion"]);
        Assert.AreEqual(string.Empty, outputs["PublishedEnvironment"]);
    }

    [TestMethod]
    public void ReportError_HostileMessageAndPath_IsOneIssueWithCodeAndSourcePath()
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).ReportError("ESA1004",
            "empty; really]\n##vso[task.setvariable variable=CodeVersion]666", "/src/x;y].js");

        var lines = stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var issue = AgentLoggingCommand.TryParse(lines.Single());
        Assert.IsNotNull(issue);
        Assert.AreEqual("task.logissue", issue.Name);
        Assert.AreEqual("error", issue.Property("type"));
        Assert.AreEqual("ESA1004", issue.Property("code"));
        Assert.AreEqual("/src/x;y].js", issue.Property("sourcepath"));
        Assert.AreEqual("ESA1004: empty; really]\n##vso[task.setvariable variable=CodeVersion]666", issue.Data);
    }

    [TestMethod]
    public void ReportWarning_NoFile_HasNoSourcePath()
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).ReportWarning("ESA4001", "careful", null);

        var issue = AgentLoggingCommand.ParseAll(stdout.ToString()).Single();
        Assert.AreEqual("warning", issue.Property("type"));
        Assert.IsNull(issue.Property("sourcepath"));
    }

    [TestMethod]
    [DataRow("s3cr%t;with]odd\nbits")]
    [DataRow("plain-secret")]
    public void MaskSecret_Value_RegistersTheOriginalValue(string secret)
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).MaskSecret(secret);

        var command = AgentLoggingCommand.ParseAll(stdout.ToString()).Single();
        Assert.AreEqual("task.setsecret", command.Name);
        Assert.AreEqual(secret, command.Data);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("  ")]
    public void MaskSecret_Blank_WritesNothing(string value)
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).MaskSecret(value);

        Assert.AreEqual(string.Empty, stdout.ToString());
    }

    [TestMethod]
    public void BeginGroup_HostileTitle_StaysOneLineWithoutMarkers()
    {
        using var stdout = new StringWriter();

        new AzurePipelinesSink(stdout, _ => null).BeginGroup("a\n##vso[task.complete result=Failed]");

        var line = stdout.ToString().ReplaceLineEndings("\n").TrimEnd('\n');
        Assert.DoesNotContain("\n", line);
        Assert.IsNull(AgentLoggingCommand.TryParse(line));
        Assert.StartsWith("##[group]a⏎", line);
    }

    [TestMethod]
    public void WriteSummary_AgentTemp_WritesTheMarkdownThereAndUploadsItByItsPath()
    {
        var temp = Directory.CreateTempSubdirectory("esa-sink-test-").FullName;
        try
        {
            using var stdout = new StringWriter();
            var sink = new AzurePipelinesSink(stdout, n => n == "AGENT_TEMPDIRECTORY" ? temp : null);

            sink.WriteSummary(Result);
            sink.WriteSummary(Result);

            var uploads = AgentLoggingCommand.ParseAll(stdout.ToString());
            Assert.HasCount(2, uploads);
            Assert.AreNotEqual(uploads[0].Data, uploads[1].Data);
            foreach (var upload in uploads)
            {
                Assert.AreEqual("task.uploadsummary", upload.Name);
                Assert.StartsWith(temp, upload.Data);
                Assert.AreEqual("ESA routine hello-routine.md", Path.GetFileName(upload.Data));
                Assert.AreEqual(StageSummaryMarkdown.Render(Result), File.ReadAllText(upload.Data));
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static string Describe(AgentLoggingCommand command) =>
        $"{command.Property("variable")}={command.Data} " +
        (command.Property("isoutput") == "true" ? "output" : "plain");
}
