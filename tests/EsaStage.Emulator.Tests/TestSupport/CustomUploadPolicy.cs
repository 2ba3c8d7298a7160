using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>A form signed with the emulator's OSS key but with a policy of the test's own making.</summary>
internal static class CustomUploadPolicy
{
    public static MultipartBody Form(EsaEmulator emulator, string key, string conditionsJson,
        IEnumerable<(string Name, string Value)> extraFields, TimeSpan? lifetime = null)
    {
        var expiration = TimeProvider.System.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(5));
        var json = $"{{\"expiration\":\"{expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            CultureInfo.InvariantCulture)}\",\"conditions\":{conditionsJson}}}";
        var policy = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        var signature = Convert.ToBase64String(HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(emulator.OssCredential.AccessKeySecret), Encoding.UTF8.GetBytes(policy)));
        var body = new MultipartBody()
            .Field("OSSAccessKeyId", emulator.OssCredential.AccessKeyId)
            .Field("Signature", signature)
            .Field("policy", policy)
            .Field("key", key);
        foreach (var (name, value) in extraFields)
        {
            body.Field(name, value);
        }

        return body;
    }

    public static string Callback(Uri url, string body, string bodyType = "application/x-www-form-urlencoded") =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{{\"callbackUrl\":\"{url}\",\"callbackBody\":\"{body}\",\"callbackBodyType\":\"{bodyType}\"}}"));
}
