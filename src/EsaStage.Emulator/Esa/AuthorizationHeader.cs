using EsaStage.Core.Signing;

namespace EsaStage.Emulator.Esa;

/// <summary>The parts of <c>ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c>.</summary>
internal sealed record AuthorizationHeader(string AccessKeyId, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static AuthorizationHeader? TryParse(string? value)
    {
        if (value is null || !value.StartsWith(Acs3Signer.Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value[(Acs3Signer.Algorithm.Length + 1)..].Split(','))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return null;
            }

            var name = part[..separator].Trim();
            var content = part[(separator + 1)..].Trim();
            switch (name)
            {
                case "Credential": credential = content; break;
                case "SignedHeaders": signedHeaders = content; break;
                case "Signature": signature = content; break;
                default: return null;
            }
        }

        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            return null;
        }

        var names = signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new AuthorizationHeader(credential, names, signature);
    }
}
