using System.Text.Json;
using EsaStage.Emulator;
using Microsoft.AspNetCore.Http;

namespace EsaStage.Core.Tests.TestSupport;

/// <summary>
/// The ECS instance metadata service on loopback: <c>PUT /latest/api/token</c> for the hardened mode, then the RAM
/// role's name and credential. It can refuse tokens (an old instance) or require them (IMDSv1 switched off).
/// </summary>
internal sealed class MetadataServiceFake : IAsyncDisposable
{
    public const string Token = "metadata-session-token-0123456789";

    private readonly LoopbackServer _server;

    private MetadataServiceFake(LoopbackServer server) => _server = server;

    public Uri Url => _server.Url;

    public IReadOnlyList<LoopbackRequest> Requests => _server.Requests;

    public static async Task<MetadataServiceFake> StartAsync(TemporaryCredential credential, string role = "ci-role",
        bool issuesTokens = true, bool requiresToken = false)
    {
        var server = await LoopbackServer.StartAsync(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            var sentToken = http.Request.Headers["x-aliyun-ecs-metadata-token"].ToString();
            if (path == "/latest/api/token")
            {
                var ttl = http.Request.Headers["x-aliyun-ecs-metadata-token-ttl-seconds"].ToString();
                http.Response.StatusCode = !issuesTokens ? 403 : HttpMethods.IsPut(http.Request.Method)
                    && ttl.Length > 0 ? 200 : 400;
                await http.Response.WriteAsync(http.Response.StatusCode == 200 ? Token : "refused");
                return;
            }

            if (requiresToken && sentToken != Token)
            {
                http.Response.StatusCode = 401;
                return;
            }

            if (path == "/latest/meta-data/ram/security-credentials/")
            {
                await http.Response.WriteAsync(role);
            }
            else if (path == "/latest/meta-data/ram/security-credentials/" + role)
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["Code"] = "Success",
                    ["AccessKeyId"] = credential.AccessKeyId,
                    ["AccessKeySecret"] = credential.AccessKeySecret,
                    ["SecurityToken"] = credential.SecurityToken,
                    ["Expiration"] = credential.Expiration!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ",
                        System.Globalization.CultureInfo.InvariantCulture),
                    ["LastUpdated"] = "2026-01-01T00:00:00Z",
                }));
            }
            else
            {
                http.Response.StatusCode = 404;
            }
        });
        return new MetadataServiceFake(server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
