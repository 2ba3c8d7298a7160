using EsaStage.Core.Oss;

namespace EsaStage.Core.Tests.Oss;

[TestClass]
public sealed class OssPostFormTests
{
    [TestMethod]
    public void FromConfig_ShuffledWithUnknownExtra_KeepsOrderAndExactNamesWithoutUrl()
    {
        var config = Pairs(("policy", "p"), ("x:codeDescription", "ImEi"), ("Url", "http://127.0.0.1:1/"),
            ("key", "site_er_js/a.1.unstable.js"), ("x-oss-security-token", "tok"), ("OSSAccessKeyId", "ak"),
            ("callback", "cb"), ("Signature", "sig"));

        var form = OssPostForm.FromConfig(config);

        CollectionAssert.AreEqual(
            new[] { "policy", "x:codeDescription", "key", "x-oss-security-token", "OSSAccessKeyId", "callback",
                "Signature" },
            form.Fields.Select(f => f.Key).ToArray());
        Assert.AreEqual("ImEi", form.Fields.Single(f => f.Key == "x:codeDescription").Value);
        Assert.AreEqual(new Uri("http://127.0.0.1:1/"), form.Url);
        Assert.IsTrue(form.HasCallback);
    }

    [TestMethod]
    public void FromConfig_PascalCaseAssetsShape_MapsKeyPolicyAndTokenDeliberately()
    {
        var config = Pairs(("Url", "https://bucket.example.com"), ("OSSAccessKeyId", "ak"), ("Signature", "s"),
            ("XOssSecurityToken", "tok"), ("Policy", "p"), ("Key", "k.js"));

        var form = OssPostForm.FromConfig(config);

        CollectionAssert.AreEqual(
            new[] { "OSSAccessKeyId", "Signature", "x-oss-security-token", "policy", "key" },
            form.Fields.Select(f => f.Key).ToArray());
        Assert.IsFalse(form.HasCallback);
    }

    [TestMethod]
    [DataRow("no Url", "key")]
    [DataRow("no key", "Url")]
    public void FromConfig_MissingRequiredEntry_FailsWithUploadFormCode(string _, string dropped)
    {
        var config = Pairs(("Url", "http://127.0.0.1:1/"), ("key", "k"), ("policy", "p"), ("OSSAccessKeyId", "a"),
            ("Signature", "s")).Where(p => p.Key != dropped).ToList();

        var error = Assert.Throws<EsaStageException>(() => OssPostForm.FromConfig(config));

        Assert.AreEqual(ErrorCodes.UnexpectedUploadForm, error.ErrorCode);
    }

    [TestMethod]
    public void FromConfig_PartialCredentialSet_Fails()
    {
        var config = Pairs(("Url", "http://127.0.0.1:1/"), ("key", "k"), ("OSSAccessKeyId", "a"));

        var error = Assert.Throws<EsaStageException>(() => OssPostForm.FromConfig(config));

        Assert.Contains("OSSAccessKeyId, policy and Signature", error.Message);
    }

    [TestMethod]
    [DataRow("ftp://host/")]
    [DataRow("not a url")]
    public void FromConfig_UnusableUrl_Fails(string url)
    {
        var error = Assert.Throws<EsaStageException>(
            () => OssPostForm.FromConfig(Pairs(("Url", url), ("key", "k"))));

        Assert.AreEqual(ErrorCodes.UnexpectedUploadForm, error.ErrorCode);
    }

    [TestMethod]
    [DataRow("site_er_js/hello.1418586423220543.unstable.js", "hello.1418586423220543.unstable.js")]
    [DataRow("dir/路由 worker.js", "__ worker.js")]
    [DataRow("a\"b.js", "a_b.js")]
    [DataRow("dir/", "index.js")]
    public void FileNameFor_Key_IsAsciiBaseName(string key, string expected)
    {
        Assert.AreEqual(expected, PostObjectUpload.FileNameFor(key));
    }

    private static List<KeyValuePair<string, string>> Pairs(params (string Name, string Value)[] pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))];
}
