namespace EsaStage.Cli.Terminal;

/// <summary>
/// Formats diagnostics in the canonical form MSBuild's <c>Exec</c>, problem matchers and people all read:
/// <c>error ESA1234: message</c>, on one line.
/// </summary>
internal static class Diagnostic
{
    public static string Format(string severity, string code, string message) =>
        $"{severity} {code}: {message.ReplaceLineEndings(" ")}";
}
