using System.Text.Json;
using EsaStage.Core.Api;

namespace EsaStage.Core.Tests.Api;

[TestClass]
public sealed class JsonFieldsTests
{
    [TestMethod]
    [DataRow("""{"CodeVersion":"1710120201067203242"}""")]
    [DataRow("""{"CodeVersion":1710120201067203242}""")]
    [DataRow("""{"codeVersion":1710120201067203242}""")]
    public void GetCodeVersion_StringOrNumber_KeepsExactDigits(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.AreEqual("1710120201067203242", JsonFields.GetCodeVersion(document.RootElement, "CodeVersion"));
    }

    [TestMethod]
    [DataRow("""{"CodeVersion":1.7101202010672033E18}""")]
    [DataRow("""{"CodeVersion":-1}""")]
    public void GetCodeVersion_NumberNotWrittenInDigits_Throws(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<FormatException>(() => JsonFields.GetCodeVersion(document.RootElement, "CodeVersion"));
    }
}
