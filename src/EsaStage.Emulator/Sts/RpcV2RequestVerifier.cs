using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EsaStage.Core.Signing;
using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Hosting;

namespace EsaStage.Emulator.Sts;

/// <summary>
/// Verifies a V2-signed RPC call (<c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>) from its decoded
/// parameters, as STS does: the AccessKey, the timestamp, the signature, the security token, then the nonce.
/// </summary>
internal static class RpcV2RequestVerifier
{
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>Verifies the call.</summary>
    /// <exception cref="EsaException">The call is refused, with STS's error.</exception>
    public static void Verify(string method, StsCall call, EmulatorContext emulator)
    {
        var id = call.Required("AccessKeyId");
        var signature = call.Optional("Signature");
        if (string.IsNullOrEmpty(signature) || call.Optional("SignatureMethod") != RpcV2Signer.SignatureMethod
            || call.Optional("SignatureVersion") != RpcV2Signer.SignatureVersion
            || string.IsNullOrEmpty(call.Optional("SignatureNonce")))
        {
            throw Refused(EsaError.BadRequest("IncompleteSignature", "The request signature does not conform to " +
                "Aliyun standards: Signature, SignatureMethod=HMAC-SHA1, SignatureVersion=1.0 and SignatureNonce " +
                "are required."));
        }

        var credential = emulator.FindCredential(id)
            ?? throw Refused(new EsaError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
        var now = emulator.Time.GetUtcNow();
        CheckTimestamp(call.Required("Timestamp"), now);

        var expected = RpcV2Signer.Sign(method, call.Parameters, credential.AccessKeySecret);
        if (!FixedTimeEquals(expected, signature))
        {
            throw Refused(EsaError.BadRequest("SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" +
                RpcV2Signer.StringToSign(method, call.Parameters)));
        }

        if (credential.SecurityToken is not null)
        {
            var token = call.Optional("SecurityToken");
            if (token is null || !FixedTimeEquals(token, credential.SecurityToken))
            {
                throw Refused(EsaError.Forbidden(token is null ? "InvalidSecurityToken.Missing"
                    : "InvalidSecurityToken.Mismatch", "The security token of this temporary AccessKey ID is " +
                    (token is null ? "missing (SecurityToken)." : "wrong.")));
            }

            if (credential.Expiration <= now)
            {
                throw Refused(EsaError.Forbidden("InvalidSecurityToken.Expired",
                    "The security token you provided has expired."));
            }
        }

        if (!emulator.StsNonces.TryRegister(call.Required("SignatureNonce"), now))
        {
            throw Refused(EsaError.BadRequest("SignatureNonceUsed", "Specified signature nonce was used already."));
        }
    }

    private static void CheckTimestamp(string value, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(value, TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            throw Refused(EsaError.BadRequest("InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted; Timestamp must be yyyy-MM-ddTHH:mm:ssZ."));
        }

        if ((now - timestamp).Duration() > Acs3RequestVerifier.AllowedClockSkew)
        {
            throw Refused(EsaError.BadRequest("InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired; Timestamp must be within 15 minutes of the server's " +
                "time."));
        }
    }

    private static EsaException Refused(EsaError error) => new(error);

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
