using System.Text.Json;
using EsaStage.Core.Api;
using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>
/// Fetches a credential from <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>: a <c>GET</c> answered with
/// <c>{AccessKeyId, AccessKeySecret, SecurityToken, Expiration}</c>, the way sidecars and credential brokers hand
/// out credentials.
/// </summary>
internal static class CredentialsUriSource
{
    public static async Task<AccessKeyCredential> FetchAsync(HttpClient http, Uri uri,
        CancellationToken cancellationToken)
    {
        var where = uri.GetLeftPart(UriPartial.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EsaStageException(ErrorCodes.CredentialSourceFailed,
                $"ALIBABA_CLOUD_CREDENTIALS_URI ({where}) could not be reached: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EsaStageException(ErrorCodes.CredentialSourceFailed,
                $"ALIBABA_CLOUD_CREDENTIALS_URI ({where}) did not answer within {http.Timeout.TotalSeconds:0} s.", ex);
        }

        using (response)
        {
            if ((int)response.StatusCode != 200)
            {
                throw new EsaStageException(ErrorCodes.CredentialSourceFailed,
                    $"ALIBABA_CLOUD_CREDENTIALS_URI ({where}) answered HTTP {(int)response.StatusCode}.");
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var code = JsonFields.GetText(document.RootElement, "Code");
                if (code is not null && code != "Success")
                {
                    throw new EsaStageException(ErrorCodes.CredentialSourceFailed,
                        $"ALIBABA_CLOUD_CREDENTIALS_URI ({where}) answered with Code '{code}'.");
                }

                return StsAnswer.ReadFields($"ALIBABA_CLOUD_CREDENTIALS_URI ({where})", document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new EsaStageException(ErrorCodes.CredentialSourceFailed,
                    $"ALIBABA_CLOUD_CREDENTIALS_URI ({where}) answered with a body that is not JSON.", ex);
            }
        }
    }
}
