using System.Text;
using System.Text.Json;
using EsaStage.Core.Signing;
using EsaStage.Tests.Shared;

namespace EsaStage.Core.Tests.Signing;

[TestClass]
public sealed class Acs3SignerTests
{
    public static IEnumerable<object[]> Vectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedReference.VectorsFile));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return [vector.GetProperty("id").GetString()!];
        }
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void Sign_OfficialSdkVector_ReproducesEveryIntermediate(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedReference.VectorsFile));
        var vector = FindVector(document, id);
        var input = vector.GetProperty("input");
        var wire = vector.GetProperty("wire");
        var expected = vector.GetProperty("expected");
        var body = Encoding.UTF8.GetBytes(wire.GetProperty("body").GetString() ?? string.Empty);

        var signature = SignWireRequest(input, wire, Acs3Signer.Sha256Hex(body));

        Assert.AreEqual(expected.GetProperty("canonicalQueryString").GetString(), signature.CanonicalQueryString);
        Assert.AreEqual(expected.GetProperty("hashedRequestPayload").GetString(), Acs3Signer.Sha256Hex(body));
        Assert.AreEqual(expected.GetProperty("signedHeaders").GetString(), signature.SignedHeaders);
        Assert.AreEqual(expected.GetProperty("canonicalRequest").GetString(), signature.CanonicalRequest);
        Assert.AreEqual(expected.GetProperty("hashedCanonicalRequest").GetString(), signature.HashedCanonicalRequest);
        Assert.AreEqual(expected.GetProperty("stringToSign").GetString(), signature.StringToSign);
        Assert.AreEqual(expected.GetProperty("signature").GetString(), signature.Signature);
        Assert.AreEqual(expected.GetProperty("authorization").GetString(),
            signature.ToAuthorization(input.GetProperty("accessKeyId").GetString()!));
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void Encode_VectorBodyForm_MatchesStrictVariantAndItsAuthorization(string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedReference.VectorsFile));
        var vector = FindVector(document, id);
        var input = vector.GetProperty("input");
        if (input.GetProperty("bodyForm").ValueKind == JsonValueKind.Null)
        {
            Assert.IsFalse(vector.TryGetProperty("rfc3986BodyVariant", out _), "a query-only vector has no body");
            return;
        }

        var strict = vector.GetProperty("rfc3986BodyVariant");
        var form = input.GetProperty("bodyForm").EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));

        var body = FormUrlEncoding.Encode(form);
        var payloadHash = Acs3Signer.Sha256Hex(body);
        var signature = SignWireRequest(input, vector.GetProperty("wire"), payloadHash);

        Assert.AreEqual(strict.GetProperty("body").GetString(), Encoding.UTF8.GetString(body));
        Assert.AreEqual(strict.GetProperty("hashedRequestPayload").GetString(), payloadHash);
        Assert.AreEqual(strict.GetProperty("canonicalRequest").GetString(), signature.CanonicalRequest);
        Assert.AreEqual(strict.GetProperty("stringToSign").GetString(), signature.StringToSign);
        Assert.AreEqual(strict.GetProperty("authorization").GetString(),
            signature.ToAuthorization(input.GetProperty("accessKeyId").GetString()!));
    }

    [TestMethod]
    public void Sign_CapturedLoopbackRequestWithPort_MatchesSdkSignature()
    {
        // A request the SDK sent to a local endpoint, with the port in the signed host (signing-v3.md §9).
        var headers = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1:33771",
            ["x-acs-action"] = "GetRoutineStagingCodeUploadInfo",
            ["x-acs-content-sha256"] = Acs3Signer.EmptyPayloadHash,
            ["x-acs-credentials-provider"] = "static_ak",
            ["x-acs-date"] = "2026-12-03T16:01:11Z",
            ["x-acs-signature-nonce"] = "0518296d4d02ca1d551381370727de70",
            ["x-acs-version"] = "2024-09-10",
        };

        var signature = Acs3Signer.Sign("GET", "/", [new("Name", "my-routine")], headers,
            Acs3Signer.EmptyPayloadHash, "testAkSecret");

        Assert.AreEqual("50c8d3c09c458d4ce7b68a41c8a908058368ae8d5260920b0944c03f882bed1d", signature.Signature);
    }

    [TestMethod]
    [DataRow("a b", "a%20b")]
    [DataRow("a+b", "a%2Bb")]
    [DataRow("50% off", "50%25%20off")]
    [DataRow("fix(*): it's ~done!", "fix%28%2A%29%3A%20it%27s%20~done%21")]
    [DataRow("x=1&y=2;z", "x%3D1%26y%3D2%3Bz")]
    [DataRow("line1\nline2\ttab", "line1%0Aline2%09tab")]
    [DataRow("🚀", "%F0%9F%9A%80")]
    [DataRow("修", "%E4%BF%AE")]
    public void CanonicalizeQuery_ReservedAndNonAsciiValue_UsesUppercaseRfc3986Escapes(string value, string encoded)
    {
        var canonical = Acs3Signer.CanonicalizeQuery([new("CodeDescription", value)]);

        Assert.AreEqual("CodeDescription=" + encoded, canonical);
    }

    [TestMethod]
    public void CanonicalizeQuery_MixedCaseNames_SortsOrdinallyUppercaseFirst()
    {
        var canonical = Acs3Signer.CanonicalizeQuery([new("name", "2"), new("Name", "1"), new("A", "")]);

        Assert.AreEqual("A=&Name=1&name=2", canonical);
    }

    [TestMethod]
    public void Encode_LoneSurrogate_Throws()
    {
        Assert.Throws<ArgumentException>(() => Rfc3986.Encode("bad \ud800 text"));
    }

    private static JsonElement FindVector(JsonDocument document, string id) =>
        document.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == id);

    private static Acs3Signature SignWireRequest(JsonElement input, JsonElement wire, string payloadHash)
    {
        var query = input.GetProperty("query").EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));
        var headers = wire.GetProperty("headers").EnumerateObject()
            .Where(h => Acs3Signer.IsSignedHeader(h.Name))
            .Select(h => new KeyValuePair<string, string>(h.Name,
                h.Name == "x-acs-content-sha256" ? payloadHash : h.Value.GetString()!));

        return Acs3Signer.Sign(input.GetProperty("method").GetString()!, input.GetProperty("pathname").GetString()!,
            query, headers, payloadHash, input.GetProperty("accessKeySecret").GetString()!);
    }
}
