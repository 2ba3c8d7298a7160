using System.CommandLine;
using EsaStage.Cli.GitHub;
using EsaStage.Cli.Terminal;
using EsaStage.Core;
using EsaStage.Core.Ci;
using EsaStage.Core.Staging;

namespace EsaStage.Cli.Commands;

/// <summary>
/// <c>esa-stage github-report</c>: reports a staging that ran in another process (the action's
/// <c>dotnet build -t:StageRoutine</c>) to GitHub, from that step's outcome and <c>result-json</c> output.
/// Reporting never fails the step: problems are warnings.
/// </summary>
internal static class GitHubReportCommand
{
    public static Command Create(TextWriter stderr)
    {
        var outcome = new Option<string>("--outcome")
        {
            Description = "The staging step's outcome.",
            Required = true,
            HelpName = "success|failure|cancelled|skipped",
        };
        outcome.AcceptOnlyFromAmong("success", "failure", "cancelled", "skipped");
        var resultJson = new Option<string>("--result-json")
        {
            Description = "The staging's result JSON file.",
            HelpName = "file",
        };
        var name = new Option<string>("--name", "-n") { Description = "The routine, when the result does not say." };
        var publish = new Option<string>("--publish")
        {
            Description = "The environment publishing was asked for.",
            HelpName = "staging|production",
        };
        var command = new Command("github-report",
            "Under GitHub Actions with ESA_GITHUB_TOKEN: record a deployment and the pull request comment for a " +
            "staging that ran in another step.")
        {
            outcome, resultJson, name, publish,
        };

        command.SetAction(async (parse, _) =>
        {
            var ci = new GitHubActionsSink(stderr, Environment.GetEnvironmentVariable);
            var log = new StderrStageLog(stderr, Verbosity.Normal, ci);
            var reporting = GitHubStageReporting.TryCreate(Environment.GetEnvironmentVariable, ci, log);
            if (reporting is null)
            {
                log.Warning(ErrorCodes.GitHubReportFailed,
                    "Nothing is reported: this is not GitHub Actions, or ESA_GITHUB_TOKEN is not set.");
                return ExitCodes.Success;
            }

            var path = parse.GetValue(resultJson);
            var result = path is not null && File.Exists(path)
                ? StageResultJson.Deserialize(await File.ReadAllTextAsync(path))
                : null;
            var succeeded = parse.GetValue(outcome) == "success";
            var routine = result?.Routine ?? parse.GetValue(name);
            if (succeeded && result is not null)
            {
                await reporting.ReportSuccessAsync(result, null, []);
            }
            else if (succeeded || string.IsNullOrWhiteSpace(routine))
            {
                log.Warning(ErrorCodes.GitHubReportFailed, succeeded
                    ? "Nothing is reported: the staging step succeeded but left no result-json output."
                    : "Nothing is reported: the staging step failed before naming its routine; give routine-name.");
            }
            else
            {
                var environment = parse.GetValue(publish)?.Trim().ToLowerInvariant() switch
                {
                    "production" => PublishEnvironment.Production,
                    "staging" => PublishEnvironment.Staging,
                    _ => (PublishEnvironment?)null,
                };
                await reporting.ReportFailureAsync(routine, environment, null,
                    "The staging step did not complete; its log has the error.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
