using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using EsaStage.Core.Signing;

namespace EsaStage.Emulator.Oss;

/// <summary>Delivers an upload's callback as OSS does: one POST per URL in turn, 5 seconds each, no retries.</summary>
/// <remarks>
/// Real OSS signs the callback with RSA (<c>authorization</c>, <c>x-oss-pub-key-url</c>); that is not modelled, and
/// ESA's receiver in the emulator does not check it. Only loopback URLs are called: the emulator talks to nothing
/// beyond the machine.
/// </remarks>
internal static partial class CallbackSender
{
    /// <summary>How long OSS waits for the callback server.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Sends the callback.</summary>
    /// <returns>The callback server's JSON body on success; otherwise the reason for a 203 answer.</returns>
    public static async Task<(string? Json, string? Failure)> SendAsync(HttpClient client, CallbackSpec spec,
        Func<string, string?> variable, CancellationToken cancellationToken)
    {
        var body = Substitute(spec, variable);
        string? failure = null;
        foreach (var url in spec.Urls)
        {
            (var json, failure) = await SendOneAsync(client, url, spec.BodyType, body, cancellationToken)
                .ConfigureAwait(false);
            if (json is not null)
            {
                return (json, null);
            }
        }

        return (null, failure);
    }

    /// <summary>Replaces <c>${name}</c> variables, encoding each value for the body type.</summary>
    public static string Substitute(CallbackSpec spec, Func<string, string?> variable) =>
        VariablePattern().Replace(spec.Body, match =>
        {
            var value = variable(match.Groups[1].Value) ?? string.Empty;
            return spec.BodyType == CallbackSpec.JsonBodyType
                ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value)
                : Rfc3986.Encode(value);
        });

    private static async Task<(string? Json, string? Failure)> SendOneAsync(HttpClient client, Uri url,
        string bodyType, string body, CancellationToken cancellationToken)
    {
        if (!url.IsLoopback || url.Scheme is not ("http" or "https"))
        {
            return (null, "Error status : -1.OSS can not connect to your callbackUrl, please check it.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(bodyType);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.UserAgent.ParseAdd("aliyun-oss-callback");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
                timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"Error status : {(int)response.StatusCode}.");
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (bytes.Length > MaxResponseBytes)
            {
                return (null, "Response body is too large.");
            }

            using var parsed = JsonDocument.Parse(bytes);
            return (Encoding.UTF8.GetString(bytes), null);
        }
        catch (JsonException)
        {
            return (null, "Response body is not valid json format.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "Callback to application server cost too long time (over 5 seconds).");
        }
        catch (HttpRequestException)
        {
            return (null, "Error status : -1.OSS can not connect to your callbackUrl, please check it.");
        }
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex VariablePattern();
}
