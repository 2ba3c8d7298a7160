using EsaStage.Core.Diagnostics;

namespace EsaStage.Core.Api;

/// <summary>
/// Sends one RPC request (ESA OpenAPI or STS) and turns every way it can fail into the product's exceptions: an
/// unreachable service or a timeout into <see cref="ErrorCodes.ApiUnreachable"/>, an error answer into an
/// <see cref="EsaApiException"/> that carries the measured clock skew and <c>x-acs-retry-after</c>.
/// </summary>
internal static class RpcTransport
{
    /// <summary>Sends the request and returns the body of its HTTP 200 answer.</summary>
    /// <param name="http">The HTTP client; its timeout bounds the attempt.</param>
    /// <param name="request">The signed request.</param>
    /// <param name="action">The operation, for messages, e.g. <c>GetRoutine</c>.</param>
    /// <param name="service">The service, for messages, e.g. <c>the ESA OpenAPI</c>.</param>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="time">This machine's clock, to measure skew against the answer's <c>Date</c>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The answer's body.</returns>
    public static async Task<byte[]> SendAsync(HttpClient http, HttpRequestMessage request, string action,
        string service, Uri endpoint, TimeProvider time, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new EsaStageException(ErrorCodes.ApiUnreachable,
                $"{action} could not reach {service} at {endpoint.Authority}: {ExceptionMessages.Describe(ex)}",
                ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EsaStageException(ErrorCodes.ApiUnreachable,
                $"{action} got no answer from {service} at {endpoint.Authority} within " +
                $"{http.Timeout.TotalSeconds:0} s.", ex);
        }

        using (response)
        {
            if ((int)response.StatusCode == 200)
            {
                return body;
            }

            // The server's Date against this machine's clock measures the skew behind an InvalidTimeStamp error.
            (DateTimeOffset, DateTimeOffset)? clock = response.Headers.Date is { } serverDate
                ? (serverDate, time.GetUtcNow())
                : null;
            throw EsaErrorReader.ToException(action, (int)response.StatusCode, body,
                response.Headers.TryGetValues("x-acs-retry-after", out var retry) ? retry.FirstOrDefault() : null,
                endpoint, clock);
        }
    }
}
