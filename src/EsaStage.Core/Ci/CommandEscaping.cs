namespace EsaStage.Core.Ci;

/// <summary>The escaping rules of GitHub workflow commands and Azure Pipelines logging commands.</summary>
public static class CommandEscaping
{
    /// <summary>Escapes a GitHub workflow command message: <c>%</c>, CR and LF.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string GitHubData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a GitHub workflow command property: as a message, plus <c>:</c> and <c>,</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string GitHubProperty(string text) =>
        GitHubData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Escapes an Azure Pipelines logging command message: <c>%</c> as <c>%AZP25</c>, CR and LF.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text, which the agent reads back unchanged.</returns>
    public static string AzureData(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes an Azure Pipelines command property: as a message, plus <c>;</c> and <c>]</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string AzureProperty(string text) =>
        AzureData(text).Replace(";", "%3B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
}
