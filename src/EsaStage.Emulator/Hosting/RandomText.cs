using System.Security.Cryptography;

namespace EsaStage.Emulator.Hosting;

/// <summary>Random identifiers and secrets from a cryptographic source.</summary>
internal static class RandomText
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(Alphanumerics, length);

    public static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);

    /// <summary>An ESA-style RequestId: an uppercase GUID.</summary>
    public static string EsaRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    /// <summary>An OSS-style request ID: 24 uppercase hex characters.</summary>
    public static string OssRequestId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
