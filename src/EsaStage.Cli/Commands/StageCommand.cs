using System.CommandLine;
using EsaStage.Cli.GitHub;
using EsaStage.Cli.Terminal;
using EsaStage.Core.Staging;

namespace EsaStage.Cli.Commands;

/// <summary>The <c>esa-stage stage</c> command: options, help text and the hand-off to the handler.</summary>
internal static class StageCommand
{
    private const long MaxSeconds = 24 * 60 * 60;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Option<string>("--name", "-n")
        {
            Description = "The ESA Edge Routine to stage (lowercase letters, digits and hyphens).",
            Required = true,
        };
        var code = new Option<string>("--code", "-c")
        {
            Description = "The routine's JavaScript file to upload.",
            Required = true,
        };
        var description = new Option<string>("--description", "-d")
        {
            Description = "The code description, e.g. the commit message. A blank one is not sent.",
        };
        var endpoint = new Option<string>("--endpoint")
        {
            Description = "The ESA OpenAPI host, host:port or URL. Wins over --region. " +
                "Default: esa.cn-hangzhou.aliyuncs.com.",
        };
        var region = new Option<string>("--region")
        {
            Description = "The region whose endpoint to use, e.g. ap-southeast-1 for the international site.",
        };
        var commit = new Option<bool>("--commit")
        {
            Description = "Commit the staging code to a formal code version (CommitRoutineStagingCode).",
        };
        var publish = new Option<string>("--publish")
        {
            Description = "Publish the committed version to this environment (implies --commit).",
            HelpName = "staging|production",
        };
        publish.CompletionSources.Add("staging", "production");
        var resultJson = new Option<string>("--result-json")
        {
            Description = "Also write the result as JSON to this file.",
            HelpName = "file",
        };
        var emulator = new Option<bool>("--emulator")
        {
            Description = "Stage against a private built-in emulator started for this run: no account, no network.",
        };
        var profile = new Option<string>("--profile")
        {
            Description = "The credentials profile to use from ~/.aliyun/config.json or the shared credentials file " +
                "(default: ALIBABA_CLOUD_PROFILE, then the file's current profile).",
            HelpName = "name",
        };
        var pruneOldVersions = new Option<bool>("--prune-old-versions")
        {
            Description = "When the routine has no free code version, delete its oldest version that is not " +
                "deployed to staging or production, then try once more. Deleted versions cannot be restored.",
        };
        var maxCodeSize = WholeNumberOption.Create("--max-code-size", "Refuse code files larger than this many bytes.",
            "bytes", StageRequest.DefaultMaxCodeBytes, 1, long.MaxValue);
        var timeout = WholeNumberOption.Create("--timeout",
            "Seconds to wait for each attempt of each API and STS call.", "seconds", 30, 1,
            MaxSeconds);
        var uploadTimeout = WholeNumberOption.Create("--upload-timeout",
            "Seconds to wait for each attempt of the code upload.",
            "seconds", 900, 1, MaxSeconds);
        var verbosity = new Option<Verbosity>("--verbosity", "-v")
        {
            Description = "How much to write to stderr: Quiet, Normal or Detailed.",
            DefaultValueFactory = _ => Verbosity.Normal,
        };

        var roleArn = new Option<string>("--role-arn")
        {
            Description = "Under GitHub Actions: assume this RAM role with the job's OIDC token (keyless; needs " +
                "'permissions: id-token: write' and --oidc-provider-arn).",
            HelpName = "arn",
        };
        var oidcProviderArn = new Option<string>("--oidc-provider-arn")
        {
            Description = "The ARN of the RAM OIDC identity provider that trusts GitHub (with --role-arn).",
            HelpName = "arn",
        };
        var oidcAudience = new Option<string>("--oidc-audience")
        {
            Description = $"The audience of the OIDC token. Default: {OidcRoleOptions.DefaultAudience}.",
        };

        var command = new Command("stage", "Upload a routine's code for staging and print its CodeVersion.")
        {
            name, code, description, endpoint, region, commit, publish, resultJson, emulator, profile,
            pruneOldVersions, maxCodeSize, timeout, uploadTimeout, verbosity, roleArn, oidcProviderArn, oidcAudience,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(emulator) && (r.GetResult(endpoint) is not null || r.GetResult(region) is not null))
            {
                r.AddError("--emulator stages against its own private endpoint; leave out --endpoint and --region.");
            }

            if (r.GetValue(emulator) && r.GetResult(roleArn) is not null)
            {
                r.AddError("--emulator stages with its own credentials; leave out --role-arn.");
            }

            if (r.GetValue(emulator) && r.GetResult(profile) is not null)
            {
                r.AddError("--emulator uses its own credentials; leave out --profile.");
            }

            if (r.GetResult(profile) is not null && string.IsNullOrWhiteSpace(r.GetValue(profile)))
            {
                r.AddError("--profile is blank; give a profile name or leave the option out.");
            }
        });

        command.SetAction((parse, cancellationToken) => new StageCommandHandler(stdout, stderr).RunAsync(
            new StageOptions
            {
                Name = parse.GetValue(name),
                Code = parse.GetValue(code),
                Description = parse.GetValue(description),
                Endpoint = parse.GetValue(endpoint),
                Region = parse.GetValue(region),
                Commit = parse.GetValue(commit),
                Publish = parse.GetValue(publish),
                ResultJson = parse.GetValue(resultJson),
                Emulator = parse.GetValue(emulator),
                Profile = parse.GetValue(profile),
                PruneOldVersions = parse.GetValue(pruneOldVersions),
                MaxCodeBytes = parse.GetValue(maxCodeSize),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                UploadTimeout = TimeSpan.FromSeconds(parse.GetValue(uploadTimeout)),
                Verbosity = parse.GetValue(verbosity),
                Oidc = new OidcRoleOptions
                {
                    RoleArn = parse.GetValue(roleArn),
                    ProviderArn = parse.GetValue(oidcProviderArn),
                    Audience = parse.GetValue(oidcAudience),
                },
            },
            cancellationToken));
        return command;
    }
}
