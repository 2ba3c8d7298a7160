using System.Text.Json;
using EsaStage.Core.Credentials;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Core.Tests.Credentials;

/// <summary>Every source of the chain, set up as a person would, stages real code against the emulator.</summary>
[TestClass]
public sealed class CredentialSourcesStagingTests
{
    private const string RoleArn = "acs:ram::1234567890123456:role/esa-deployer";
    private const string ProviderArn = "acs:ram::1234567890123456:oidc-provider/github";

    [TestMethod]
    [DataRow("environment")]
    [DataRow("esa-cli-environment")]
    [DataRow("github-action-environment")]
    [DataRow("oidc-environment")]
    [DataRow("cli-AK")]
    [DataRow("cli-StsToken")]
    [DataRow("cli-RamRoleArn")]
    [DataRow("cli-ChainableRamRoleArn")]
    [DataRow("cli-OIDC")]
    [DataRow("cli-EcsRamRole")]
    [DataRow("ini-access_key")]
    [DataRow("ini-ram_role_arn")]
    [DataRow("ini-oidc_role_arn")]
    [DataRow("ini-ecs_ram_role")]
    [DataRow("ecs")]
    [DataRow("uri")]
    public async Task RunAsync_EachSource_StagesWithItsCredential(string source)
    {
        using var sandbox = new CredentialsSandbox();
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        var temporary = emulator.IssueTemporaryCredential(TimeSpan.FromHours(1));
        await using var metadata = await MetadataServiceFake.StartAsync(temporary);
        await using var uri = await LoopbackServer.StartAsync(http => http.Response.WriteAsync(
            JsonSerializer.Serialize(new
            {
                Code = "Success", temporary.AccessKeyId, temporary.AccessKeySecret, temporary.SecurityToken,
                Expiration = "2099-01-01T00:00:00Z",
            })));
        sandbox.Variables["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.Authority;
        var token = sandbox.WriteFile("oidc-token", CredentialsSandbox.Jwt() + "\n");
        var (id, secret) = (emulator.AccessKeyId, emulator.AccessKeySecret);
        Configure(sandbox, source, id, secret, temporary, token, uri.Url);

        using var chain = sandbox.Chain(metadata: metadata.Url);
        await using var harness = await StagingHarness.StartAsync(emulator, chain);
        var result = await harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null,
            CancellationToken.None);

        Assert.MatchesRegex("^[0-9]{19}$", result.CodeVersion);
        Assert.IsNotNull(chain.MatchedSource);
        var sts = emulator.Requests.Where(r => r.Target == RequestTarget.Sts).ToList();
        Assert.IsTrue(sts.All(r => r.StatusCode == 200), string.Join(", ", sts.Select(r => r.ErrorCode)));
        var usesSts = source.Contains("Role", StringComparison.OrdinalIgnoreCase)
            || source.Contains("oidc", StringComparison.OrdinalIgnoreCase)
            || source.Contains("role_arn", StringComparison.Ordinal);
        Assert.AreEqual(usesSts && !source.Contains("Ecs", StringComparison.OrdinalIgnoreCase)
            && !source.Contains("ecs", StringComparison.Ordinal), sts.Count > 0, chain.MatchedSource);
        foreach (var line in sandbox.Log.Lines.Concat(harness.Log.Lines).Append(chain.MatchedSource))
        {
            Assert.DoesNotContain(secret, line);
            Assert.DoesNotContain(temporary.AccessKeySecret, line);
            Assert.DoesNotContain(temporary.SecurityToken, line);
        }
    }

    [TestMethod]
    public async Task RunAsync_LongRunPastTheRoleCredentialsLife_RefreshesBeforeExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { TimeProvider = time });
        using var sandbox = new CredentialsSandbox();
        sandbox.Variables["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.StsEndpoint.Authority;
        sandbox.WriteCliConfig(new
        {
            current = "ci",
            profiles = new[]
            {
                new
                {
                    name = "ci", mode = "RamRoleArn", access_key_id = emulator.AccessKeyId,
                    access_key_secret = emulator.AccessKeySecret, ram_role_arn = RoleArn, expired_seconds = 900,
                },
            },
        });
        using var chain = sandbox.Chain(time: time);
        await using var harness = await StagingHarness.StartAsync(emulator, chain, time);
        var code = harness.WriteCode();

        await harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(16));
        await harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None);

        var assumed = emulator.Requests.Where(r => r.Action == "AssumeRole").ToList();
        Assert.HasCount(2, assumed);
        var keys = emulator.Requests.Where(r => r.Action == "GetRoutineStagingCodeUploadInfo")
            .Select(r => r.Headers.First(h => h.Key.Equals("x-acs-accesskey-id", StringComparison.OrdinalIgnoreCase))
                .Value)
            .ToList();
        Assert.HasCount(2, keys);
        Assert.AreNotEqual(keys[0], keys[1]);
        Assert.IsTrue(emulator.Requests.Where(r => r.Target == RequestTarget.Esa).All(r => r.StatusCode == 200));
    }

    private static void Configure(CredentialsSandbox sandbox, string source, string id, string secret,
        TemporaryCredential temporary, string tokenFile, Uri uri)
    {
        var v = sandbox.Variables;
        object Profile(string mode, object fields) => new { current = "ci", profiles = new[] { fields } };
        switch (source)
        {
            case "environment":
                (v["ALIBABA_CLOUD_ACCESS_KEY_ID"], v["ALIBABA_CLOUD_ACCESS_KEY_SECRET"]) = (id, secret);
                break;
            case "esa-cli-environment":
                (v["ESA_ACCESS_KEY_ID"], v["ESA_ACCESS_KEY_SECRET"]) = (id, secret);
                break;
            case "github-action-environment":
                (v["ALICLOUD_ACCESS_KEY"], v["ALICLOUD_SECRET_KEY"], v["ALICLOUD_SECURITY_TOKEN"]) =
                    (temporary.AccessKeyId, temporary.AccessKeySecret, temporary.SecurityToken);
                break;
            case "oidc-environment":
                v["ALIBABA_CLOUD_ROLE_ARN"] = RoleArn;
                v["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = ProviderArn;
                v["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = tokenFile;
                break;
            case "cli-AK":
                sandbox.WriteCliConfig(Profile("AK", new
                {
                    name = "ci", mode = "AK", access_key_id = id, access_key_secret = secret,
                }));
                break;
            case "cli-StsToken":
                sandbox.WriteCliConfig(Profile("StsToken", new
                {
                    name = "ci", mode = "StsToken", access_key_id = temporary.AccessKeyId,
                    access_key_secret = temporary.AccessKeySecret, sts_token = temporary.SecurityToken,
                }));
                break;
            case "cli-RamRoleArn":
                sandbox.WriteCliConfig(Profile("RamRoleArn", new
                {
                    name = "ci", mode = "RamRoleArn", access_key_id = id, access_key_secret = secret,
                    ram_role_arn = RoleArn, ram_session_name = "cli-session", expired_seconds = 900,
                }));
                break;
            case "cli-ChainableRamRoleArn":
                sandbox.WriteCliConfig(new
                {
                    current = "ci",
                    profiles = new object[]
                    {
                        new { name = "base", mode = "AK", access_key_id = id, access_key_secret = secret },
                        new
                        {
                            name = "ci", mode = "ChainableRamRoleArn", source_profile = "base", ram_role_arn = RoleArn,
                        },
                    },
                });
                break;
            case "cli-OIDC":
                sandbox.WriteCliConfig(Profile("OIDC", new
                {
                    name = "ci", mode = "OIDC", ram_role_arn = RoleArn, oidc_provider_arn = ProviderArn,
                    oidc_token_file = tokenFile,
                }));
                break;
            case "cli-EcsRamRole":
                sandbox.WriteCliConfig(Profile("EcsRamRole",
                    new { name = "ci", mode = "EcsRamRole", ram_role_name = "ci-role" }));
                break;
            case "ini-access_key":
                sandbox.WriteSharedCredentials($"[default]\ntype = access_key\naccess_key_id = {id}\n" +
                    $"access_key_secret = {secret}\n");
                break;
            case "ini-ram_role_arn":
                sandbox.WriteSharedCredentials("# deploy role\n[default]\ntype = ram_role_arn\n" +
                    $"access_key_id = {id}\n" +
                    $"access_key_secret = {secret}\nrole_arn = {RoleArn}\nrole_session_name = ini-session\n");
                break;
            case "ini-oidc_role_arn":
                sandbox.WriteSharedCredentials($"[default]\ntype = oidc_role_arn\nrole_arn = {RoleArn}\n" +
                    $"oidc_provider_arn = {ProviderArn}\noidc_token_file_path = {tokenFile}\n");
                break;
            case "ini-ecs_ram_role":
                sandbox.WriteSharedCredentials("[default]\ntype = ecs_ram_role\nrole_name = ci-role\n");
                break;
            case "ecs":
                v.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
                break;
            case "uri":
                v["ALIBABA_CLOUD_CREDENTIALS_URI"] = new Uri(uri, "credentials?key=abc").ToString();
                break;
            default:
                Assert.Fail("Unknown source " + source);
                break;
        }
    }
}
