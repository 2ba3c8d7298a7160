namespace EsaStage.Cli.Tests.Action;

/// <summary>How one step of a simulated action run ended.</summary>
internal sealed record ActionStepResult(string Name, string Outcome, int ExitCode,
    IReadOnlyDictionary<string, string> Outputs, string Stdout, string Stderr)
{
    public override string ToString() =>
        $"{Name}: {Outcome} (exit {ExitCode})\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
