using System.Diagnostics;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Core.Tests.Ci;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Action;

/// <summary>
/// Runs the composite action's steps for real, as a Linux runner would: in order, each <c>run:</c> body in
/// <c>bash --noprofile --norc -eo pipefail</c>, with its <c>env:</c> and <c>if:</c> expressions resolved, a fresh
/// <c>GITHUB_OUTPUT</c> file per step whose entries become <c>steps.&lt;id&gt;.outputs</c>, and the action's
/// outputs mapped at the end. The runner's own variables come from <paramref name="runner"/>; nothing else of
/// the machine's CI environment leaks in.
/// </summary>
/// <param name="action">The action.</param>
/// <param name="workspace">The job's workspace, where steps start.</param>
/// <param name="runnerTemp">The runner's temporary folder (<c>RUNNER_TEMP</c>).</param>
/// <param name="runner">The other variables the runner and the workflow give the job.</param>
internal sealed class ActionRunner(ActionDefinition action, string workspace, string runnerTemp,
    IReadOnlyDictionary<string, string> runner)
{
    public async Task<ActionRun> RunAsync(IReadOnlyDictionary<string, string> with)
    {
        var unknown = with.Keys.Except(action.Inputs.Keys).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Not inputs of the action: " + string.Join(", ", unknown));
        }

        var inputs = action.Inputs.ToDictionary(i => i.Key, i => with.GetValueOrDefault(i.Key) ?? i.Value);
        var outputs = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var outcomes = new Dictionary<string, string>();
        var results = new List<ActionStepResult>();
        var failed = false;

        string? Lookup(string path)
        {
            var parts = path.Split('.');
            return parts switch
            {
                ["inputs", var name] => inputs.GetValueOrDefault(name),
                ["steps", var id, "outputs", var name] => outputs.GetValueOrDefault(id)?.GetValueOrDefault(name),
                ["steps", var id, "outcome" or "conclusion"] => outcomes.GetValueOrDefault(id),
                ["runner", "temp"] => runnerTemp,
                ["runner", "os"] => "Linux",
                ["github", "workspace"] => workspace,
                ["github", "action_path"] => RepositoryPaths.Root,
                ["env", var name] => runner.GetValueOrDefault(name),
                _ => null,
            };
        }

        foreach (var step in action.Steps)
        {
            var expressions = new ActionExpression(Lookup, failed);
            if (!expressions.Condition(step.If))
            {
                outcomes[step.Id ?? step.Name] = "skipped";
                continue;
            }

            var result = await RunStepAsync(step, expressions);
            results.Add(result);
            outcomes[step.Id ?? step.Name] = result.Outcome;
            outputs[step.Id ?? step.Name] = result.Outputs;
            failed |= result.Outcome == "failure";
        }

        var final = new ActionExpression(Lookup, failed);
        return new ActionRun(!failed, action.Outputs.ToDictionary(o => o.Key, o => final.Substitute(o.Value)),
            results);
    }

    private async Task<ActionStepResult> RunStepAsync(ActionStep step, ActionExpression expressions)
    {
        var outputFile = Path.Combine(runnerTemp, $"_runner_file_commands/set_output_{Guid.NewGuid():N}");
        var script = Path.Combine(runnerTemp, $"{Guid.NewGuid():N}.sh");
        Directory.CreateDirectory(Path.GetDirectoryName(outputFile)!);
        await File.WriteAllTextAsync(outputFile, string.Empty);
        await File.WriteAllTextAsync(script, expressions.Substitute(step.Run!));

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workspace,
        };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
        {
            start.ArgumentList.Add(argument);
        }

        ToolProcess.Sterilize(start.Environment);
        foreach (var (name, value) in runner)
        {
            start.Environment[name] = value;
        }

        start.Environment["RUNNER_TEMP"] = runnerTemp;
        start.Environment["GITHUB_WORKSPACE"] = workspace;
        start.Environment["GITHUB_ACTION_PATH"] = RepositoryPaths.Root;
        start.Environment["GITHUB_OUTPUT"] = outputFile;
        foreach (var (name, value) in step.Env)
        {
            start.Environment[name] = expressions.Substitute(value);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);

        return new ActionStepResult(step.Name, process.ExitCode == 0 ? "success" : "failure", process.ExitCode,
            RunnerFileReader.Read(outputFile), await stdout, await stderr);
    }
}
