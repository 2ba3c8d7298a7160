using EsaStage.Core.Signing;

namespace EsaStage.Core.Tests.Signing;

[TestClass]
public sealed class RpcV2SignerTests
{
    [TestMethod]
    public void Sign_DocumentedDescribeRegionsExample_MatchesThePublishedSignature()
    {
        // The worked example of the RPC signature (V2) documentation: GET DescribeRegions with secret testsecret.
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["Format"] = "XML",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Version"] = "2014-05-26",
        };

        var stringToSign = RpcV2Signer.StringToSign("GET", parameters.Reverse());
        var signature = RpcV2Signer.Sign("GET", parameters, "testsecret");

        Assert.AreEqual("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3D" +
            "HMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp" +
            "%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26", stringToSign);
        Assert.AreEqual("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", signature);
    }

    [TestMethod]
    public void StringToSign_SignatureParameter_IsLeftOut()
    {
        var with = RpcV2Signer.StringToSign("POST", [new("A", "1"), new("Signature", "x")]);

        Assert.AreEqual("POST&%2F&A%3D1", with);
    }
}
