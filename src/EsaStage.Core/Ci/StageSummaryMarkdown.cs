using System.Globalization;
using System.Net;
using System.Text;
using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>The Markdown summary of a staging, shown on a CI run's page and in pull request comments.</summary>
public static class StageSummaryMarkdown
{
    /// <summary>Renders the summary table.</summary>
    /// <param name="result">The completed staging.</param>
    /// <param name="links">Links to show with it, when known.</param>
    /// <returns>GitHub-flavoured Markdown; user text is escaped so it cannot add markup.</returns>
    public static string Render(StageResult result, IReadOnlyList<SummaryLink>? links = null)
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
        Row(text, "Committed", result.CommittedCodeVersion is null
            ? "no"
            : "as code version " + Code(result.CommittedCodeVersion));
        Row(text, "Published", result.PublishedEnvironment is null
            ? "no"
            : "to " + Cell(result.PublishedEnvironment) + " (code version " +
                Code(result.CommittedCodeVersion ?? result.CodeVersion) + ")");
        Row(text, "Endpoint", Cell(result.Endpoint));
        AppendLinks(text, links);
        return text.ToString();
    }

    /// <summary>Renders a failed staging: the routine, the product code and the message.</summary>
    /// <param name="routine">The routine.</param>
    /// <param name="code">The product code, e.g. <c>ESA2002</c>, when known.</param>
    /// <param name="message">The error message; escaped.</param>
    /// <param name="links">Links to show with it, when known.</param>
    /// <returns>GitHub-flavoured Markdown.</returns>
    public static string RenderFailure(string routine, string? code, string message,
        IReadOnlyList<SummaryLink>? links = null)
    {
        ArgumentNullException.ThrowIfNull(routine);
        ArgumentNullException.ThrowIfNull(message);

        var text = new StringBuilder();
        text.Append("### ESA routine staging failed: ").Append(Cell(routine)).Append("\n\n");
        text.Append("| | |\n|---|---|\n");
        Row(text, "Routine", Code(routine));
        Row(text, "Error", (code is null ? string.Empty : Code(code) + " ") + Cell(message));
        Row(text, "CodeVersion", "none: nothing was staged");
        AppendLinks(text, links);
        return text.ToString();
    }

    private static void AppendLinks(StringBuilder text, IReadOnlyList<SummaryLink>? links)
    {
        var rendered = (links ?? [])
            .Where(l => l.Url.IsAbsoluteUri && (l.Url.Scheme == Uri.UriSchemeHttps ||
                l.Url.Scheme == Uri.UriSchemeHttp))
            .Select(l => $"<a href=\"{WebUtility.HtmlEncode(l.Url.AbsoluteUri)}\">{Cell(l.Text)}</a>")
            .ToList();
        if (rendered.Count > 0)
        {
            Row(text, "Links", string.Join(" · ", rendered));
        }
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
