using System.CommandLine;
using EsaStage.Cli.GitHub;
using EsaStage.Cli.Terminal;
using EsaStage.Core;
using EsaStage.Core.Ci;

namespace EsaStage.Cli.Commands;

/// <summary>
/// <c>esa-stage github-oidc-token</c>: under GitHub Actions, requests the job's OIDC token into a private file and
/// prints the file's path, for a staging that runs in another process (the action's <c>dotnet build</c>), which
/// then reads <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>. The caller deletes the file.
/// </summary>
internal static class GitHubOidcTokenCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var roleArn = new Option<string>("--role-arn") { Description = "The RAM role to assume.", HelpName = "arn" };
        var providerArn = new Option<string>("--oidc-provider-arn")
        {
            Description = "The ARN of the RAM OIDC identity provider that trusts GitHub.",
            HelpName = "arn",
        };
        var audience = new Option<string>("--oidc-audience")
        {
            Description = $"The audience of the token. Default: {OidcRoleOptions.DefaultAudience}.",
        };
        var command = new Command("github-oidc-token",
            "Under GitHub Actions: write the job's OIDC token to a private file and print its path.")
        {
            roleArn, providerArn, audience,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new OidcRoleOptions
            {
                RoleArn = parse.GetValue(roleArn),
                ProviderArn = parse.GetValue(providerArn),
                Audience = parse.GetValue(audience),
            };
            var ci = new GitHubActionsSink(stderr, Environment.GetEnvironmentVariable);
            var log = new StderrStageLog(stderr, Verbosity.Normal, ci);
            try
            {
                GitHubOidcSession.EnsureUsable(options, Environment.GetEnvironmentVariable);
                using var http = HttpClients.Create(TimeSpan.FromSeconds(30));
                using var session = await StageCommandHandler.StartOidcAsync(options, http, ci, log,
                    cancellationToken);
                await stdout.WriteLineAsync(session.KeepTokenFile());
                return ExitCodes.Success;
            }
            catch (EsaStageException ex)
            {
                log.Error(ex.ErrorCode, ex.Message, ex.FilePath);
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
