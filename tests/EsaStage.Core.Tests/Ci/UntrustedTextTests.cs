using EsaStage.Core.Ci;

namespace EsaStage.Core.Tests.Ci;

[TestClass]
public sealed class UntrustedTextTests
{
    [TestMethod]
    [DataRow("fix\n::error::pwned")]
    [DataRow("::add-mask::x")]
    [DataRow("  ::set-output name=a::b")]
    [DataRow("##vso[task.setvariable variable=CodeVersion]666")]
    [DataRow("x ##vso[task.complete result=Failed]")]
    [DataRow("###vso[task.setsecret]x")]
    [DataRow("##[error]fake")]
    [DataRow("a\r\n##vso[x]")]
    [DataRow(":::::")]
    public void Neutralize_CommandMarkers_LeavesNoneIntact(string text)
    {
        var neutral = UntrustedText.Neutralize(text);

        Assert.DoesNotContain("\n", neutral);
        Assert.DoesNotContain("\r", neutral);
        Assert.DoesNotContain("##", neutral);
        Assert.DoesNotContain("::", neutral);
        Assert.AreEqual(text.Replace("\r\n", "⏎").Replace('\n', '⏎').Replace('\r', '⏎'),
            neutral.Replace("\u200B", string.Empty));
    }

    [TestMethod]
    [DataRow("修复登录 ✓ — 100% done")]
    [DataRow("release 1.2.3: fix #12")]
    public void Neutralize_OrdinaryText_IsUnchanged(string text)
    {
        Assert.AreEqual(text, UntrustedText.Neutralize(text));
    }
}
