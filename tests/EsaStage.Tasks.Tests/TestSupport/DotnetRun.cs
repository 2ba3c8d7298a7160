namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>What a <c>dotnet</c> command did.</summary>
internal sealed record DotnetRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Gets the last non-empty stdout line: the value <c>-getProperty</c> prints for one property.</summary>
    public string LastLine => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .LastOrDefault() ?? string.Empty;

    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
