namespace EsaStage.Cli.Tests.TestSupport;

/// <summary>The outcome of one run of the tool as a process.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
