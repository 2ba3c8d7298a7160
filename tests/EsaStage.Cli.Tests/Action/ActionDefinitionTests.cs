using System.Text.RegularExpressions;
using EsaStage.Core.Ci;

namespace EsaStage.Cli.Tests.Action;

[TestClass]
public sealed partial class ActionDefinitionTests
{
    private static readonly ActionDefinition Action = ActionDefinition.Load();

    [TestMethod]
    public void Runs_IsACompositeOfShellSteps()
    {
        Assert.AreEqual("composite", Action.Using);
        Assert.IsTrue(Action.Steps.All(s => s.Uses is null && s.Run is not null), "no Docker, no JavaScript");
    }

    [TestMethod]
    public void Inputs_AreTheDocumentedLowercaseHyphenatedSet()
    {
        CollectionAssert.AreEquivalent(new[]
        {
            "routine-name", "code", "description", "endpoint", "region", "commit", "publish", "project",
            "tool-version", "tool-source", "role-arn", "oidc-provider-arn", "oidc-audience", "github-token",
            "working-directory",
        }, Action.Inputs.Keys.ToList());
        Assert.IsTrue(Action.Inputs.Keys.All(k => Regex.IsMatch(k, "^[a-z]+(-[a-z]+)*$")));
    }

    [TestMethod]
    public void Inputs_EachReachesAStepThroughItsEnvironment()
    {
        var reached = Action.Steps.SelectMany(s => s.Env.Values)
            .SelectMany(v => InputReference().Matches(v).Select(m => m.Groups[1].Value))
            .ToHashSet();

        CollectionAssert.AreEquivalent(Action.Inputs.Keys.ToList(), reached.ToList());
    }

    [TestMethod]
    public void RunBodies_InterpolateNoExpression()
    {
        foreach (var step in Action.Steps)
        {
            Assert.DoesNotContain("${{", step.Run!, step.Name);
        }
    }

    [TestMethod]
    public void StepEnvironments_HoldOnlyPlainReferences()
    {
        // A value is exactly one reference, so nothing is concatenated or evaluated on the way to the script.
        foreach (var (name, value) in Action.Steps.SelectMany(s => s.Env))
        {
            Assert.MatchesRegex(@"^\$\{\{ (inputs|steps)\.[a-z-]+(\.outputs)?(\.[a-z-]+)? \}\}$", value, name);
        }
    }

    [TestMethod]
    public void Steps_RunInBashOnEveryOperatingSystem()
    {
        Assert.IsTrue(Action.Steps.All(s => s.Shell == "bash"));
        Assert.IsTrue(Action.Steps.All(s => s.Run!.Contains("set -euo pipefail", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Outputs_MapToTheStageStepOutputsTheSinkWrites()
    {
        var written = new[]
        {
            GitHubActionsSink.Outputs.CodeVersion, GitHubActionsSink.Outputs.CommittedCodeVersion,
            GitHubActionsSink.Outputs.PublishedEnvironment, GitHubActionsSink.Outputs.ResultJson,
        };
        CollectionAssert.AreEquivalent(written, Action.Outputs.Keys.ToList());
        foreach (var (name, value) in Action.Outputs)
        {
            Assert.AreEqual($"${{{{ steps.stage.outputs.{name} }}}}", value);
        }

        Assert.IsTrue(Action.Steps.Any(s => s.Id == "stage"));
    }

    [TestMethod]
    public void Tool_IsCalledByTheInstalledPathOnly()
    {
        var install = Action.Steps.Single(s => s.Id == "install");
        Assert.Contains("--tool-path \"$tool_dir\"", install.Run!);
        Assert.Contains("tool_dir=\"$RUNNER_TEMP/", install.Run!);
        foreach (var step in Action.Steps.Where(s => s.Id != "install"))
        {
            Assert.AreEqual("${{ steps.install.outputs.tool }}", step.Env["ESA_STAGE_TOOL"]);
            Assert.DoesNotMatchRegex(@"(^|\s)esa-stage\s", step.Run!, step.Name);
        }
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}")]
    private static partial Regex InputReference();
}
