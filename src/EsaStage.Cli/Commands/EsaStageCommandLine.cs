using System.CommandLine;

namespace EsaStage.Cli.Commands;

/// <summary>The <c>esa-stage</c> command tree.</summary>
internal static class EsaStageCommandLine
{
    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "Stage Alibaba Cloud ESA Edge Routine code: upload it for a routine, report its CodeVersion, and " +
            "optionally commit and publish it. Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, " +
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN.");
        root.Subcommands.Add(StageCommand.Create(stdout, stderr));
        root.Subcommands.Add(EmulatorCommand.Create(stdout, stderr));
        root.Subcommands.Add(GitHubOidcTokenCommand.Create(stdout, stderr));
        root.Subcommands.Add(GitHubReportCommand.Create(stderr));
        return root;
    }
}
