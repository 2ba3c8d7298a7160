using System.Security.Cryptography;

namespace EsaStage.Core.Signing;

/// <summary>Fresh values for <c>x-acs-signature-nonce</c>: one per request and per retry.</summary>
public static class SignatureNonce
{
    /// <summary>Creates a nonce of 32 lowercase hex characters from a cryptographic random source.</summary>
    /// <returns>The nonce.</returns>
    public static string Create() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
