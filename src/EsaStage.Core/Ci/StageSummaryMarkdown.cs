using System.Globalization;
using System.Net;
using System.Text;
using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>The Markdown summary of a staging, shown on a CI run's page.</summary>
public static class StageSummaryMarkdown
{
    /// <summary>Renders the summary table.</summary>
    /// <param name="result">The completed staging.</param>
    /// <returns>GitHub-flavoured Markdown; user text is escaped so it cannot add markup.</returns>
    public static string Render(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        var text = new StringBuilder();
        text.Append("### ESA routine staged: ").Append(Cell(result.Routine)).Append("\n\n");
        text.Append("| | |\n|---|---|\n");
        Row(text, "Routine", Code(result.Routine));
        Row(text, "CodeVersion", Code(result.CodeVersion));
        Row(text, "Description", result.CodeDescription is null ? "_none_" : Cell(result.CodeDescription));
        Row(text, "Code", string.Create(CultureInfo.InvariantCulture, $"{result.Bytes:N0} bytes, sha256 ") +
            Code(result.Sha256));
        Row(text, "Committed", result.CommittedCodeVersion is null ? "no" : Code(result.CommittedCodeVersion));
        Row(text, "Published", result.PublishedEnvironment is null ? "no" : Cell(result.PublishedEnvironment));
        Row(text, "Endpoint", Cell(result.Endpoint));
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string value) =>
        text.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");

    private static string Code(string value) => "<code>" + Cell(value) + "</code>";

    /// <summary>Escapes text for a table cell: HTML, pipes, backticks and line breaks.</summary>
    private static string Cell(string value) =>
        WebUtility.HtmlEncode(value)
            .Replace("|", "&#124;", StringComparison.Ordinal)
            .Replace("`", "&#96;", StringComparison.Ordinal)
            .Replace("*", "&#42;", StringComparison.Ordinal)
            .Replace("_", "&#95;", StringComparison.Ordinal)
            .Replace("[", "&#91;", StringComparison.Ordinal)
            .ReplaceLineEndings("<br>");
}
