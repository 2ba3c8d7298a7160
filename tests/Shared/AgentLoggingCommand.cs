namespace EsaStage.Tests.Shared;

/// <summary>
/// A logging command read from one line of a step's output the way the Azure Pipelines agent reads it
/// (Agent.Sdk <c>Command.TryParse</c> and <c>CommandStringConvertor</c>, with <c>DECODE_PERCENTS</c> on).
/// </summary>
/// <remarks>
/// The agent looks for <c>##vso[</c> anywhere in the line, takes the header up to the first <c>]</c>, splits the
/// properties on <c>;</c> and <c>=</c>, and unescapes property values and the data alike.
/// </remarks>
internal sealed record AgentLoggingCommand(
    string Area,
    string Event,
    IReadOnlyDictionary<string, string> Properties,
    string Data)
{
    private const string Prefix = "##vso[";

    /// <summary>Gets the command's name, <c>area.event</c> in lower case.</summary>
    public string Name => $"{Area}.{Event}".ToLowerInvariant();

    /// <summary>Reads every command in a step's output, one per line at most.</summary>
    public static IReadOnlyList<AgentLoggingCommand> ParseAll(string output) =>
        [.. output.ReplaceLineEndings("\n").Split('\n').Select(TryParse).OfType<AgentLoggingCommand>()];

    /// <summary>Reads the command in a line, or <see langword="null"/> when the agent would see none.</summary>
    public static AgentLoggingCommand? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        var start = line.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = line.IndexOf(']', start);
        if (end < 0)
        {
            return null;
        }

        var header = line[(start + Prefix.Length)..end];
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? header : header[..space]).Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length != 2)
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var propertyText = space < 0 ? string.Empty : header[(space + 1)..];
        foreach (var pair in propertyText.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                properties[parts[0]] = Unescape(parts[1]);
            }
        }

        return new AgentLoggingCommand(name[0], name[1], properties, Unescape(line[(end + 1)..]));
    }

    /// <summary>The agent's unescaping: the special symbols first, then <c>%AZP25</c>.</summary>
    public static string Unescape(string value) =>
        value.Replace("%3B", ";", StringComparison.Ordinal)
            .Replace("%0D", "\r", StringComparison.Ordinal)
            .Replace("%0A", "\n", StringComparison.Ordinal)
            .Replace("%5D", "]", StringComparison.Ordinal)
            .Replace("%AZP25", "%", StringComparison.Ordinal);

    /// <summary>Gets a property, or <see langword="null"/>.</summary>
    public string? Property(string name) => Properties.GetValueOrDefault(name);
}
