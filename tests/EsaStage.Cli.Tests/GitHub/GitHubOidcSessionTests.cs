using EsaStage.Cli.GitHub;
using EsaStage.Cli.Terminal;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Core;
using EsaStage.Core.Ci;

namespace EsaStage.Cli.Tests.GitHub;

[TestClass]
public sealed class GitHubOidcSessionTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJzdHMuYWxpeXVuY3MuY29tIn0.c2lnbmF0dXJl";
    private const string RequestToken = "runtime-request-token-1234";
    private const string RoleArn = "acs:ram::1234567890123456:role/github-deployer";
    private const string ProviderArn = "acs:ram::1234567890123456:oidc-provider/github";

    private static readonly OidcRoleOptions Role = new() { RoleArn = RoleArn, ProviderArn = ProviderArn };

    private string _runnerTemp = null!;
    private Dictionary<string, string?> _variables = null!;

    [TestInitialize]
    public void CreateRunner()
    {
        _runnerTemp = Path.Combine(Directory.CreateTempSubdirectory("esa-oidc-test-").FullName, "runner temp");
        Directory.CreateDirectory(_runnerTemp);
        _variables = new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["RUNNER_TEMP"] = _runnerTemp,
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = RequestToken,
        };
    }

    [TestCleanup]
    public void DeleteRunner() => Directory.Delete(Path.GetDirectoryName(_runnerTemp)!, recursive: true);

    [TestMethod]
    public async Task StartAsync_TokenGranted_WritesPrivateTokenFileAndPointsTheVariablesAtIt()
    {
        await using var actions = await LoopbackServer.StartAsync(_ => new(200, $$"""{"value":"{{Jwt}}"}"""));
        _variables["ACTIONS_ID_TOKEN_REQUEST_URL"] = actions.BaseAddress + "_apis/token?api-version=2.0";
        using var log = new StringWriter();

        using (var session = await StartAsync(Role, log))
        {
            var request = actions.Requests.Single();
            Assert.AreEqual("GET", request.Method);
            Assert.AreEqual("/_apis/token", request.Path);
            Assert.AreEqual("?api-version=2.0&audience=sts.aliyuncs.com", request.Query);
            Assert.AreEqual("bearer " + RequestToken, request.Header("Authorization"));

            Assert.AreEqual(Jwt, await File.ReadAllTextAsync(session.TokenFile));
            Assert.StartsWith(_runnerTemp, session.TokenFile);
            Assert.AreEqual(RoleArn, _variables[GitHubOidcSession.RoleArnVariable]);
            Assert.AreEqual(ProviderArn, _variables[GitHubOidcSession.ProviderArnVariable]);
            Assert.AreEqual(session.TokenFile, _variables[GitHubOidcSession.TokenFileVariable]);
            if (!OperatingSystem.IsWindows())
            {
                Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    File.GetUnixFileMode(session.TokenFile));
                Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                    File.GetUnixFileMode(Path.GetDirectoryName(session.TokenFile)!));
            }
        }

        var lines = log.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.AreEqual("::add-mask::" + RequestToken, lines[0]);
        Assert.AreEqual("::add-mask::" + Jwt, lines[1]);
        Assert.IsFalse(lines.Skip(2).Any(l => l.Contains(Jwt, StringComparison.Ordinal)), log.ToString());
        Assert.IsNull(_variables[GitHubOidcSession.TokenFileVariable]);
        Assert.IsNull(_variables[GitHubOidcSession.RoleArnVariable]);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_runnerTemp));
    }

    [TestMethod]
    public async Task StartAsync_CustomAudience_AsksForItEscaped()
    {
        await using var actions = await LoopbackServer.StartAsync(_ => new(200, $$"""{"value":"{{Jwt}}"}"""));
        _variables["ACTIONS_ID_TOKEN_REQUEST_URL"] = actions.BaseAddress + "_apis/token";

        using var session = await StartAsync(Role with { Audience = "https://sts.example/a&b" }, TextWriter.Null);

        Assert.AreEqual("?audience=https%3A%2F%2Fsts.example%2Fa%26b", actions.Requests.Single().Query);
    }

    [TestMethod]
    public async Task StartAsync_NoIdTokenPermission_FailsWithThePermissionToGrant()
    {
        var error = await Assert.ThrowsExactlyAsync<EsaStageException>(() => StartAsync(Role, TextWriter.Null));

        Assert.AreEqual(ErrorCodes.OidcTokenNotPermitted, error.ErrorCode);
        Assert.Contains("permissions: id-token: write", error.Message);
        Assert.IsFalse(_variables.ContainsKey(GitHubOidcSession.TokenFileVariable));
    }

    [TestMethod]
    [DataRow(500, """{"message":"boom"}""", "HTTP 500")]
    [DataRow(200, """{"count":1}""", "held no token")]
    [DataRow(200, "<html>", "held no token")]
    public async Task StartAsync_TokenEndpointFails_ReportsWhyWithoutWritingAFile(int status, string body,
        string why)
    {
        await using var actions = await LoopbackServer.StartAsync(_ => new(status, body));
        _variables["ACTIONS_ID_TOKEN_REQUEST_URL"] = actions.BaseAddress + "_apis/token?api-version=2.0";

        var error = await Assert.ThrowsExactlyAsync<EsaStageException>(() => StartAsync(Role, TextWriter.Null));

        Assert.AreEqual(ErrorCodes.OidcTokenRequestFailed, error.ErrorCode);
        Assert.Contains(why, error.Message);
        Assert.IsEmpty(Directory.GetFileSystemEntries(_runnerTemp));
    }

    [TestMethod]
    [DataRow(RoleArn, null, "--oidc-provider-arn (oidc-provider-arn) is not set")]
    [DataRow(null, ProviderArn, "--role-arn (role-arn) is not set")]
    [DataRow("github-deployer", ProviderArn, "not an ARN of the shape acs:ram::<account id>:role/<role name>")]
    [DataRow(RoleArn, RoleArn, "acs:ram::<account id>:oidc-provider/<provider name>")]
    public void EnsureUsable_IncompleteRole_FailsNamingTheInput(string? roleArn, string? providerArn,
        string expected)
    {
        var options = new OidcRoleOptions { RoleArn = roleArn, ProviderArn = providerArn };

        var error = Assert.ThrowsExactly<EsaStageException>(
            () => GitHubOidcSession.EnsureUsable(options, n => _variables.GetValueOrDefault(n)));

        Assert.AreEqual(ErrorCodes.InvalidOidcOptions, error.ErrorCode);
        Assert.Contains(expected, error.Message);
    }

    [TestMethod]
    public void EnsureUsable_OutsideGitHubActions_SaysHowToSetTheVariablesInstead()
    {
        _variables.Remove("GITHUB_ACTIONS");

        var error = Assert.ThrowsExactly<EsaStageException>(
            () => GitHubOidcSession.EnsureUsable(Role, n => _variables.GetValueOrDefault(n)));

        Assert.AreEqual(ErrorCodes.OidcNotInGitHubActions, error.ErrorCode);
        Assert.Contains(GitHubOidcSession.TokenFileVariable, error.Message);
    }

    private async Task<GitHubOidcSession> StartAsync(OidcRoleOptions options, TextWriter log)
    {
        using var http = new HttpClient();
        Func<string, string?> get = n => _variables.GetValueOrDefault(n);
        var stageLog = new StderrStageLog(log, Verbosity.Detailed, new GitHubActionsSink(log, get));
        return await GitHubOidcSession.StartAsync(options, new GitHubOidcTokenClient(http, get), stageLog, get,
            (n, v) => _variables[n] = v, CancellationToken.None);
    }
}
