using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EsaStage.Emulator.Hosting;

/// <summary>The HTTP client that the OSS side uses to call back into ESA.</summary>
internal static class CallbackClients
{
    public static HttpClient Create(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = Oss.CallbackSender.Timeout,
            AllowAutoRedirect = false,
        };
        if (certificate is not null)
        {
            // The emulator's own certificate is self-signed; trust exactly it, and nothing else that fails checks.
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (presented is not null && presented.GetCertHashString() == certificate.GetCertHashString()),
            };
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
