using System.Text;
using EsaStage.Core.Ci;

namespace EsaStage.Core.Tests.Ci;

[TestClass]
public sealed class GitHubOutputFileTests
{
    private string _path = null!;

    [TestInitialize]
    public void CreateFile() => _path = Path.GetTempFileName();

    [TestCleanup]
    public void DeleteFile() => File.Delete(_path);

    [TestMethod]
    public void Append_SingleLineValue_WritesNameEqualsValueWithoutBom()
    {
        GitHubOutputFile.Append(_path, [new("code-version", "1710120201067203242")]);

        var bytes = File.ReadAllBytes(_path);
        Assert.AreEqual("code-version=1710120201067203242\n", Encoding.UTF8.GetString(bytes));
        Assert.AreNotEqual(0xEF, bytes[0]);
    }

    [TestMethod]
    public void Append_MultiLineValueWithInjectionAttempt_UsesHeredocAndReadsBackExactly()
    {
        var value = "line1\r\ninjected=yes\nEOF\nghadelimiter_x";

        GitHubOutputFile.Append(_path, [new("result-json", value), new("code-version", "1")]);

        var outputs = RunnerFileReader.Read(_path);
        Assert.AreEqual("line1\ninjected=yes\nEOF\nghadelimiter_x", outputs["result-json"]);
        Assert.AreEqual("1", outputs["code-version"]);
        Assert.HasCount(2, outputs);
    }

    [TestMethod]
    public void Append_AfterUnterminatedLine_StartsOnANewLine()
    {
        File.WriteAllText(_path, "other=value");

        GitHubOutputFile.Append(_path, [new("code-version", "42")]);

        var outputs = RunnerFileReader.Read(_path);
        Assert.AreEqual("value", outputs["other"]);
        Assert.AreEqual("42", outputs["code-version"]);
    }

    [TestMethod]
    public async Task Append_ManyConcurrentWriters_LosesAndTearsNothing()
    {
        var writers = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            GitHubOutputFile.Append(_path, [new($"out{i}", $"first {i}\nsecond {i}"), new($"id{i}", $"{i}")])));

        await Task.WhenAll(writers);

        var outputs = RunnerFileReader.Read(_path);
        for (var i = 0; i < 16; i++)
        {
            Assert.AreEqual($"first {i}\nsecond {i}", outputs[$"out{i}"]);
            Assert.AreEqual($"{i}", outputs[$"id{i}"]);
        }
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("a=b")]
    [DataRow("a<<b")]
    [DataRow("a\nb")]
    public void Format_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => GitHubOutputFile.Format(name, "v"));
    }
}
