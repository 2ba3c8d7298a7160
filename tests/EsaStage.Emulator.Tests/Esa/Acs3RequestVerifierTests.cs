using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Esa;

[TestClass]
public sealed class Acs3RequestVerifierTests
{
    public static IEnumerable<object[]> VectorIds() => AcsVector.Ids().Select(id => new object[] { id });

    [TestMethod]
    [DynamicData(nameof(VectorIds))]
    public void Verify_OfficialVectorAtItsDate_Accepts(string id)
    {
        var vector = AcsVector.Load(id);

        var result = Verify(vector);

        Assert.IsTrue(result.IsValid, result.Error?.Message);
        Assert.AreEqual(vector.AccessKeyId, result.AccessKeyId);
        Assert.AreEqual(vector.ExpectedSignature, result.ServerSignature!.Signature);
    }

    [TestMethod]
    [DataRow("esa-form-basic")]
    [DataRow("esa-form-unicode-reserved")]
    [DataRow("esa-form-sts")]
    public void Verify_FlippedBodyByte_RefusesWithSignatureDoesNotMatch(string id)
    {
        var vector = AcsVector.Load(id);
        vector.Body[^1] ^= 0x01;

        var result = Verify(vector);

        Assert.AreEqual("SignatureDoesNotMatch", result.Error?.Code);
        Assert.AreEqual(403, result.Error!.HttpStatus);
    }

    [TestMethod]
    [DataRow("official-doc-runinstances", "x-acs-signature-nonce")]
    [DataRow("official-doc-runinstances", "host")]
    [DataRow("esa-form-basic", "content-type")]
    [DataRow("esa-form-basic", "x-acs-action")]
    [DataRow("esa-form-sts", "x-acs-accesskey-id")]
    public void Verify_DroppedSignedHeader_RefusesWithSignatureDoesNotMatch(string id, string header)
    {
        var vector = AcsVector.Load(id);
        Assert.AreEqual(1, vector.Headers.RemoveAll(h => h.Key == header));

        var result = Verify(vector);

        Assert.AreEqual("SignatureDoesNotMatch", result.Error?.Code);
    }

    [TestMethod]
    [DynamicData(nameof(VectorIds))]
    public void Verify_WrongSecret_RefusesWithServerStringToSign(string id)
    {
        var vector = AcsVector.Load(id) with { AccessKeySecret = "not-the-secret" };

        var result = Verify(vector);

        Assert.AreEqual("SignatureDoesNotMatch", result.Error?.Code);
        StringAssert.Contains(result.Error!.Message, result.ServerSignature!.StringToSign);
        Assert.DoesNotContain("not-the-secret", result.Error.Message);
    }

    [TestMethod]
    public void Verify_AlteredQueryValue_RefusesWithSignatureDoesNotMatch()
    {
        var vector = AcsVector.Load("official-doc-runinstances");
        var query = vector.Query.Select(p => p.Key == "RegionId" ? new(p.Key, "cn-beijing") : p).ToList();

        var result = Verify(vector with { Query = query });

        Assert.AreEqual("SignatureDoesNotMatch", result.Error?.Code);
    }

    [TestMethod]
    [DataRow(16, "InvalidTimeStamp.Expired")]
    [DataRow(-16, "InvalidTimeStamp.Expired")]
    [DataRow(14, null)]
    public void Verify_ClockAwayFromDate_RefusesBeyondFifteenMinutes(int minutes, string? expectedCode)
    {
        var vector = AcsVector.Load("esa-form-basic");

        var result = Verify(vector, vector.Date.AddMinutes(minutes));

        Assert.AreEqual(expectedCode, result.Error?.Code);
    }

    [TestMethod]
    public void Verify_DateWithMilliseconds_RefusesWithInvalidTimeStampFormat()
    {
        var vector = AcsVector.Load("esa-form-basic");
        var headers = vector.Headers
            .Select(h => h.Key == "x-acs-date" ? new(h.Key, "2025-01-15T08:30:00.000Z") : h).ToList();

        var result = Verify(vector with { Headers = headers });

        Assert.AreEqual("InvalidTimeStamp.Format", result.Error?.Code);
        Assert.AreEqual(400, result.Error!.HttpStatus);
    }

    [TestMethod]
    public void Verify_SameNonceTwice_RefusesTheReplay()
    {
        var vector = AcsVector.Load("esa-form-basic");
        var nonces = new SignatureNonceCache(TimeSpan.FromMinutes(30));

        var first = Verify(vector, nonces: nonces);
        var replay = Verify(vector, nonces: nonces);

        Assert.IsTrue(first.IsValid, first.Error?.Message);
        Assert.AreEqual("SignatureNonceUsed", replay.Error?.Code);
    }

    [TestMethod]
    public void Verify_UnknownAccessKeyId_RefusesWithNotFound()
    {
        var vector = AcsVector.Load("esa-form-basic");

        var result = Acs3RequestVerifier.Verify(vector.Method, vector.Path, vector.Query, vector.Headers, vector.Body,
            _ => null, vector.Date);

        Assert.AreEqual("InvalidAccessKeyId.NotFound", result.Error?.Code);
        Assert.AreEqual(404, result.Error!.HttpStatus);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("ACS3-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId01,Signature=abc")]
    [DataRow("HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=abc")]
    public void Verify_MissingOrMalformedAuthorization_RefusesWithIncompleteSignature(string? authorization)
    {
        var vector = AcsVector.Load("esa-form-basic");
        vector.Headers.RemoveAll(h => h.Key == "authorization");
        if (authorization is not null)
        {
            vector.Headers.Add(new("authorization", authorization));
        }

        var result = Verify(vector);

        Assert.AreEqual("IncompleteSignature", result.Error?.Code);
        Assert.AreEqual(400, result.Error!.HttpStatus);
    }

    [TestMethod]
    public void Verify_StsVectorWhenTheIdRequiresAnotherToken_RefusesWithMismatch()
    {
        var vector = AcsVector.Load("esa-form-sts") with { SecurityToken = "CAISanotherToken" };

        var result = Verify(vector);

        Assert.AreEqual("InvalidSecurityToken.Mismatch", result.Error?.Code);
    }

    [TestMethod]
    public void Verify_TokenRequiredButNotSent_RefusesWithMissing()
    {
        var vector = AcsVector.Load("esa-form-basic") with { SecurityToken = "CAISexpected" };

        var result = Verify(vector);

        Assert.AreEqual("InvalidSecurityToken.Missing", result.Error?.Code);
        Assert.AreEqual(403, result.Error!.HttpStatus);
    }

    [TestMethod]
    public void Verify_UnsignedAcsHeaderAdded_RefusesWithSignatureDoesNotMatch()
    {
        var vector = AcsVector.Load("esa-form-basic");
        vector.Headers.Add(new("x-acs-credentials-provider", "static_ak"));

        var result = Verify(vector);

        Assert.AreEqual("SignatureDoesNotMatch", result.Error?.Code);
        StringAssert.Contains(result.Error!.Message, "x-acs-credentials-provider");
    }

    private static Acs3VerificationResult Verify(AcsVector vector, DateTimeOffset? now = null,
        SignatureNonceCache? nonces = null) =>
        Acs3RequestVerifier.Verify(vector.Method, vector.Path, vector.Query, vector.Headers, vector.Body,
            id => id == vector.AccessKeyId
                ? new AccessKeyCredential(id, vector.AccessKeySecret, vector.SecurityToken)
                : null,
            now ?? vector.Date, nonces);
}
