using EsaStage.Core.Api;

namespace EsaStage.Core.Tests.Api;

[TestClass]
public sealed class EsaEndpointTests
{
    [TestMethod]
    public void Resolve_NothingGiven_UsesChinaSiteDefault()
    {
        Assert.AreEqual("https://esa.cn-hangzhou.aliyuncs.com/", EsaEndpoint.Resolve(null, null).ToString());
    }

    [TestMethod]
    [DataRow("ap-southeast-1", "https://esa.ap-southeast-1.aliyuncs.com/")]
    [DataRow("cn-hangzhou", "https://esa.cn-hangzhou.aliyuncs.com/")]
    [DataRow("cn-shanghai-finance-1", "https://esa.cn-shanghai-finance-1.aliyuncs.com/")]
    public void Resolve_Region_BuildsRegionalHost(string region, string expected)
    {
        Assert.AreEqual(expected, EsaEndpoint.Resolve(null, region).ToString());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(" ")]
    [DataRow("cn-hangzhou.")]
    [DataRow("CN-HANGZHOU")]
    [DataRow("cn--hangzhou")]
    [DataRow("hangzhou")]
    [DataRow("cn-hangzhou ")]
    [DataRow("cn-hangzhou.evil.com/")]
    public void Resolve_MalformedRegion_FailsLocallyWithRegionCode(string region)
    {
        var error = Assert.Throws<EsaStageException>(() => EsaEndpoint.Resolve(null, region));

        Assert.AreEqual(ErrorCodes.InvalidRegion, error.ErrorCode);
    }

    [TestMethod]
    [DataRow("esa.ap-southeast-1.aliyuncs.com", "https://esa.ap-southeast-1.aliyuncs.com/")]
    [DataRow("https://esa.example.com", "https://esa.example.com/")]
    [DataRow("https://esa.example.com:8443/", "https://esa.example.com:8443/")]
    [DataRow("127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [DataRow("localhost:5123", "http://localhost:5123/")]
    [DataRow("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [DataRow("https://127.0.0.1:5123", "https://127.0.0.1:5123/")]
    [DataRow("[::1]:5123", "http://[::1]:5123/")]
    [DataRow("127.0.0.1:443", "http://127.0.0.1:443/")]
    public void Resolve_ExplicitEndpoint_IsUsedAsGiven(string endpoint, string expected)
    {
        Assert.AreEqual(expected, EsaEndpoint.Resolve(endpoint, "ap-southeast-1").ToString());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("esa..aliyuncs.com")]
    [DataRow("esa.cn-hangzhou.aliyuncs.com.")]
    [DataRow(".aliyuncs.com")]
    [DataRow("http://esa.cn-hangzhou.aliyuncs.com")]
    [DataRow("ftp://esa.cn-hangzhou.aliyuncs.com")]
    [DataRow("https://esa.cn-hangzhou.aliyuncs.com/path")]
    [DataRow("https://esa.cn-hangzhou.aliyuncs.com/?a=b")]
    [DataRow(" esa.cn-hangzhou.aliyuncs.com")]
    [DataRow("esa_bad.aliyuncs.com")]
    public void Resolve_MalformedEndpoint_FailsLocallyWithEndpointCode(string endpoint)
    {
        var error = Assert.Throws<EsaStageException>(() => EsaEndpoint.Resolve(endpoint, null));

        Assert.AreEqual(ErrorCodes.InvalidEndpoint, error.ErrorCode);
        Assert.Contains("endpoint", error.Message);
    }

    [TestMethod]
    public void Resolve_UrlWithPassword_NeverEchoesIt()
    {
        var error = Assert.Throws<EsaStageException>(
            () => EsaEndpoint.Resolve("https://user:hunter2@esa.cn-hangzhou.aliyuncs.com", null));

        Assert.AreEqual(ErrorCodes.InvalidEndpoint, error.ErrorCode);
        Assert.DoesNotContain("hunter2", error.Message);
    }
}
