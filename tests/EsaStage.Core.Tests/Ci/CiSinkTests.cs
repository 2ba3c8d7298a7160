using EsaStage.Core.Ci;
using EsaStage.Core.Staging;

namespace EsaStage.Core.Tests.Ci;

[TestClass]
public sealed class CiSinkTests
{
    private static readonly StageResult Result = new("hello-routine", "1710120201067203242", "50% off | *now*",
        "1710120201067203243", "staging", 1234, new string('a', 64), "https://esa.cn-hangzhou.aliyuncs.com");

    [TestMethod]
    [DataRow("true", null, "GitHub Actions")]
    [DataRow(null, "True", "Azure Pipelines")]
    [DataRow(null, null, "none")]
    public void Detect_Environment_PicksTheSink(string? gitHubActions, string? tfBuild, string name)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = gitHubActions, ["TF_BUILD"] = tfBuild };

        var sink = CiSinks.Detect(n => variables.GetValueOrDefault(n), TextWriter.Null);

        Assert.AreEqual(name, sink.Name);
    }

    [TestMethod]
    public void GitHub_PublishOutputs_WritesEveryOutputToTheFileAndNothingToStdout()
    {
        var outputFile = Path.GetTempFileName();
        try
        {
            using var stdout = new StringWriter();
            var sink = new GitHubActionsSink(stdout, n => n == "GITHUB_OUTPUT" ? outputFile : null);

            sink.PublishOutputs(Result);

            var outputs = RunnerFileReader.Read(outputFile);
            Assert.AreEqual("1710120201067203242", outputs["code-version"]);
            Assert.AreEqual("1710120201067203243", outputs["committed-code-version"]);
            Assert.AreEqual("staging", outputs["published-environment"]);
            StringAssert.Contains(outputs["result-json"], "\"codeVersion\": \"1710120201067203242\"");
            Assert.AreEqual(string.Empty, stdout.ToString());
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    [TestMethod]
    public void GitHub_ReportError_EscapesMessageAndFileProperty()
    {
        using var stdout = new StringWriter();
        var sink = new GitHubActionsSink(stdout, _ => null);

        sink.ReportError("ESA1002", "missing: 100%\nnext", "/src/a,b:c.js");

        Assert.AreEqual("::error file=/src/a%2Cb%3Ac.js,title=ESA1002::ESA1002: missing: 100%25%0Anext\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void Summary_UserText_IsEscapedInTheTable()
    {
        var markdown = StageSummaryMarkdown.Render(Result with { CodeDescription = "<script>|`x`\nnext" });

        Assert.Contains("&lt;script&gt;&#124;&#96;x&#96;<br>next", markdown);
        Assert.Contains("| CodeVersion | <code>1710120201067203242</code> |", markdown);
    }

    [TestMethod]
    public void Summary_CommitAndPublish_ShowTheirVersionsAndEnvironment()
    {
        var markdown = StageSummaryMarkdown.Render(Result);

        Assert.Contains("| Committed | as code version <code>1710120201067203243</code> |", markdown);
        Assert.Contains("| Published | to staging (code version <code>1710120201067203243</code>) |", markdown);
    }

    [TestMethod]
    public void Summary_Links_AreRenderedWhenHttpAndEscaped()
    {
        var markdown = StageSummaryMarkdown.Render(Result,
        [
            new("Routine <b>", new Uri("https://hello-routine.1a2b.er.aliyun-esa.net/")),
            new("Script", new Uri("javascript:alert(1)")),
        ]);

        Assert.Contains(
            "| Links | <a href=\"https://hello-routine.1a2b.er.aliyun-esa.net/\">Routine &lt;b&gt;</a> |", markdown);
        Assert.DoesNotContain("javascript", markdown);
    }

    [TestMethod]
    public void Summary_Failure_ShowsTheCodeAndEscapedMessageAndNoVersion()
    {
        var markdown = StageSummaryMarkdown.RenderFailure("hello-routine", "ESA2002", "quota | *full*");

        Assert.StartsWith("### ESA routine staging failed: hello-routine\n", markdown);
        Assert.Contains("| Error | <code>ESA2002</code> quota &#124; &#42;full&#42; |", markdown);
        Assert.Contains("| CodeVersion | none: nothing was staged |", markdown);
    }

    [TestMethod]
    public void GitHub_WriteSummary_AppendsAfterEarlierStepTextWithoutBom()
    {
        var summaryFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(summaryFile, "earlier text");
            var sink = new GitHubActionsSink(TextWriter.Null, n => n == "GITHUB_STEP_SUMMARY" ? summaryFile : null);

            sink.WriteSummary(Result);

            var bytes = File.ReadAllBytes(summaryFile);
            Assert.AreNotEqual(0xEF, bytes[0]);
            Assert.StartsWith("earlier text\n### ESA routine staged: hello-routine\n", File.ReadAllText(summaryFile));
        }
        finally
        {
            File.Delete(summaryFile);
        }
    }

}
