using System.Text.Json;
using EsaStage.Core.Api;
using EsaStage.Core.Credentials;

namespace EsaStage.Core.Sts;

/// <summary>Reads the credentials that STS, the metadata service and credential URIs answer with.</summary>
internal static class StsAnswer
{
    /// <summary>Reads <c>{Credentials: {AccessKeyId, AccessKeySecret, SecurityToken, Expiration}}</c>.</summary>
    public static AccessKeyCredential ReadCredential(string action, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!JsonFields.TryGet(document.RootElement, "Credentials", out var credentials))
            {
                throw Unexpected(action, "it has no Credentials object");
            }

            return ReadFields(action, credentials);
        }
        catch (JsonException ex)
        {
            throw new EsaStageException(ErrorCodes.UnexpectedResponse,
                $"{action} answered HTTP 200 with a body that is not JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Reads <c>AccessKeyId</c>, <c>AccessKeySecret</c>, <c>SecurityToken</c> and <c>Expiration</c>.</summary>
    public static AccessKeyCredential ReadFields(string action, JsonElement credentials)
    {
        var id = JsonFields.GetText(credentials, "AccessKeyId");
        var secret = JsonFields.GetText(credentials, "AccessKeySecret");
        var token = JsonFields.GetText(credentials, "SecurityToken");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            throw Unexpected(action, "its credentials lack AccessKeyId or AccessKeySecret");
        }

        var expirationText = JsonFields.GetText(credentials, "Expiration");
        DateTimeOffset? expiration = null;
        if (expirationText is not null)
        {
            expiration = DateTimeOffset.TryParse(expirationText, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal
                | System.Globalization.DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw Unexpected(action, "its Expiration is not a date");
        }

        return new AccessKeyCredential(id, secret, string.IsNullOrEmpty(token) ? null : token)
        {
            Expiration = expiration,
        };
    }

    private static EsaStageException Unexpected(string action, string what) =>
        new(ErrorCodes.UnexpectedResponse, $"{action} answered HTTP 200, but {what}.");
}
