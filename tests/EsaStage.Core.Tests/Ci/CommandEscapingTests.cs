using EsaStage.Core.Ci;
using EsaStage.Tests.Shared;

namespace EsaStage.Core.Tests.Ci;

[TestClass]
public sealed class CommandEscapingTests
{
    [TestMethod]
    [DataRow("plain", "plain")]
    [DataRow("100%", "100%AZP25")]
    [DataRow("a\r\nb", "a%0D%0Ab")]
    [DataRow("x;y]z", "x;y]z")]
    [DataRow("%3B", "%AZP253B")]
    public void AzureData_Text_IsEscapedAsTaskLibDoes(string text, string expected)
    {
        Assert.AreEqual(expected, CommandEscaping.AzureData(text));
    }

    [TestMethod]
    [DataRow("x;y]z", "x%3By%5Dz")]
    [DataRow("50%;\n", "50%AZP25%3B%0A")]
    public void AzureProperty_Text_AlsoEscapesSemicolonAndBracket(string text, string expected)
    {
        Assert.AreEqual(expected, CommandEscaping.AzureProperty(text));
    }

    [TestMethod]
    [DataRow("%AZP25%3B%0A%0D%5D")]
    [DataRow("C:\\a b\\100%;x].js")]
    [DataRow("\n\r\r\n;;]]%%")]
    [DataRow("修复 ✓ %5D")]
    public void AzureEscaping_AnyText_TheAgentReadsItBackUnchanged(string text)
    {
        Assert.AreEqual(text, AgentLoggingCommand.Unescape(CommandEscaping.AzureData(text)));
        Assert.AreEqual(text, AgentLoggingCommand.Unescape(CommandEscaping.AzureProperty(text)));
    }
}
