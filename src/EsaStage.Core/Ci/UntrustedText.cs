namespace EsaStage.Core.Ci;

/// <summary>
/// Breaks the markers CI systems look for in log lines, so that a description, file name or commit message can be
/// printed without acting as a command.
/// </summary>
/// <remarks>
/// GitHub's runner reads a line as a command when it starts with <c>::</c> after leading whitespace; Azure's agent
/// finds <c>##vso[</c> anywhere in a line and <c>##[</c> at its start. Text is first folded onto one line, so it
/// can never start a line of its own, then every <c>##</c> and <c>::</c> gets a zero-width space between its two
/// characters: the text reads the same to a person and matches no marker.
/// </remarks>
public static class UntrustedText
{
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>Folds line breaks into visible <c>⏎</c> marks, so the text stays on the line it is on.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text on one line.</returns>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "⏎", StringComparison.Ordinal)
            .Replace('\r', '⏎')
            .Replace('\n', '⏎')
            .Replace('\u2028', '⏎')
            .Replace('\u2029', '⏎');
    }

    /// <summary>Folds the text onto one line and breaks every GitHub and Azure Pipelines command marker.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The neutralised text.</returns>
    public static string Neutralize(string text)
    {
        var line = OneLine(text);
        var builder = new System.Text.StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            // A zero-width space between any two '#' or two ':' (runs included) leaves no marker intact.
            if (i > 0 && line[i] == line[i - 1] && line[i] is '#' or ':')
            {
                builder.Append(ZeroWidthSpace);
            }

            builder.Append(line[i]);
        }

        return builder.ToString();
    }
}
