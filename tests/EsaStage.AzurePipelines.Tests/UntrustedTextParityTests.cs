using EsaStage.AzurePipelines.Tests.TestSupport;
using EsaStage.Core.Ci;
using EsaStage.Tests.Shared;

namespace EsaStage.AzurePipelines.Tests;

/// <summary>The handler's neutralisation (JavaScript) holds to the tool's (C#), case for case.</summary>
[TestClass]
public sealed class UntrustedTextParityTests
{
    private static readonly string[] Cases =
    [
        "fix\n::error::pwned",
        "::add-mask::x",
        "  ::set-output name=a::b",
        "##vso[task.setvariable variable=CodeVersion]666",
        "x ##vso[task.complete result=Failed]",
        "###vso[task.setsecret]x",
        "##[error]fake",
        "a\r\n##vso[x]",
        "a\rb\u2028c\u2029d",
        ":::::",
        "修复登录 ✓ — 100% done",
        "release 1.2.3: fix #12",
        "",
    ];

    [TestMethod]
    public async Task Neutralize_SameText_GivesTheSameResultAsTheTool()
    {
        var handler = await HandlerModule.EvaluateAsync("untrustedText.js", "input.map(m.neutralize)", Cases);

        var expected = Cases.Select(UntrustedText.Neutralize).ToArray();
        CollectionAssert.AreEqual(expected, handler!.AsArray().Select(n => n!.GetValue<string>()).ToArray());
    }

    [TestMethod]
    public async Task DisplayCommandLine_HostileArguments_IsOneLineWithNoCommand()
    {
        string[] args = ["stage", "--description", "fix\n##vso[task.setvariable variable=CodeVersion]666\n::error::x"];

        var line = (await HandlerModule.EvaluateAsync("commandLine.js",
            "m.displayCommandLine('esa-stage', input)", args))!.GetValue<string>();

        Assert.DoesNotContain("\n", line);
        Assert.IsNull(AgentLoggingCommand.TryParse(line));
        Assert.DoesNotContain("::", line);
        Assert.AreEqual("esa-stage stage --description " +
            "\"fix⏎#\u200B#vso[task.setvariable variable=CodeVersion]666⏎:\u200B:error:\u200B:x\"", line);
    }

    [TestMethod]
    [DataRow("plain-value_1.2", "plain-value_1.2")]
    [DataRow("a;b,c", "a%3Bb%2Cc")]
    [DataRow("$(Foo) @(Bar) %41 'q' \"d\"", "%24%28Foo%29%20%40%28Bar%29%20%2541%20%27q%27%20%22d%22")]
    [DataRow("line\r\nnext", "line%0D%0Anext")]
    [DataRow("修复 ✓", "修复%20✓")]
    public async Task EscapeMsbuild_Value_EscapesEverySeparatorAndSpecialCharacter(string value, string expected)
    {
        var escaped = await HandlerModule.EvaluateAsync("commandLine.js", "m.escapeMsbuild(input)", value);

        Assert.AreEqual(expected, escaped!.GetValue<string>());
    }
}
