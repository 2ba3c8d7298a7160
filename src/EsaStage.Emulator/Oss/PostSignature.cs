using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Emulator.Oss;

/// <summary>The OSS PostObject signature V1: base64 of HMAC-SHA1 over the policy's base64 text.</summary>
internal static class PostSignature
{
    public static string Compute(string accessKeySecret, string policyBase64) =>
        Convert.ToBase64String(HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(policyBase64)));

    public static bool Matches(string accessKeySecret, string policyBase64, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(Compute(accessKeySecret, policyBase64)), Encoding.UTF8.GetBytes(signature));
}
