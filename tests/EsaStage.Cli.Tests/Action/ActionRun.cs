namespace EsaStage.Cli.Tests.Action;

/// <summary>The outcome of a simulated run of the composite action.</summary>
internal sealed record ActionRun(bool Succeeded, IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<ActionStepResult> Steps)
{
    public override string ToString() => string.Join("\n", Steps);
}
