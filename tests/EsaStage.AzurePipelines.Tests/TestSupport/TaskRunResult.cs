using EsaStage.Tests.Shared;

namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>One run of the task's handler, read the way the agent reads it.</summary>
internal sealed class TaskRunResult(ProcessRun run)
{
    private readonly Lazy<IReadOnlyList<AgentLoggingCommand>> _commands =
        new(() => AgentLoggingCommand.ParseAll(run.Stdout + "\n" + run.Stderr));

    public int ExitCode => run.ExitCode;

    public string Stdout => run.Stdout;

    public string Stderr => run.Stderr;

    /// <summary>Gets every logging command the agent would run, in order.</summary>
    public IReadOnlyList<AgentLoggingCommand> Commands => _commands.Value;

    /// <summary>Gets the result the task completed with (<c>task.complete</c>), or null.</summary>
    public string? Result => Commands.LastOrDefault(c => c.Name == "task.complete")?.Property("result");

    /// <summary>Gets the error issues, whichever command logged them.</summary>
    public IReadOnlyList<AgentLoggingCommand> ErrorIssues =>
        [.. Commands.Where(c => c.Name is "task.logissue" or "task.issue" && c.Property("type") == "error")];

    /// <summary>Gets the variables set, as (name, value, is output).</summary>
    public IReadOnlyList<(string Name, string Value, bool IsOutput)> Variables =>
        [.. Commands.Where(c => c.Name == "task.setvariable")
            .Select(c => (c.Property("variable")!, c.Data, c.Property("isoutput") == "true"))];

    /// <summary>Gets the value an output variable was last set to, or null.</summary>
    public string? Output(string name) =>
        Variables.LastOrDefault(v => v.IsOutput && v.Name == name).Value;

    /// <summary>Gets the values masked with <c>task.setsecret</c>.</summary>
    public IReadOnlyList<string> Secrets => [.. Commands.Where(c => c.Name == "task.setsecret").Select(c => c.Data)];

    /// <summary>Gets the inputs the handler read, from task-lib's debug lines (<c>name=value</c>).</summary>
    public IReadOnlySet<string> InputsRead => Commands
        .Where(c => c.Name == "task.debug")
        .Select(c => System.Text.RegularExpressions.Regex.Match(c.Data, "^([A-Za-z][A-Za-z0-9]*)="))
        .Where(m => m.Success)
        .Select(m => m.Groups[1].Value)
        .ToHashSet(StringComparer.Ordinal);

    public override string ToString() => run.ToString();
}
