using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;

namespace EsaStage.Tasks.Config;

/// <summary>
/// Reads <c>name</c> and <c>entry</c> from the files Alibaba's ESA CLI writes beside a routine: <c>esa.jsonc</c>
/// (JSON with comments and trailing commas) or, in older projects, <c>esa.toml</c>.
/// </summary>
internal static class RoutineConfigReader
{
    /// <summary>The JSON-with-comments file name; read first when both files exist.</summary>
    public const string JsoncFileName = "esa.jsonc";

    /// <summary>The TOML file name.</summary>
    public const string TomlFileName = "esa.toml";

    private static readonly JsonDocumentOptions JsoncOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the routine config in a folder.</summary>
    /// <param name="directory">The folder, usually the project's.</param>
    /// <returns>The config, or <see langword="null"/> when the folder has neither file.</returns>
    /// <exception cref="RoutineConfigException">The file cannot be read or parsed.</exception>
    public static RoutineConfig? Read(string directory)
    {
        var jsonc = Path.Combine(directory, JsoncFileName);
        if (File.Exists(jsonc))
        {
            return ReadJsonc(jsonc);
        }

        var toml = Path.Combine(directory, TomlFileName);
        return File.Exists(toml) ? ReadToml(toml) : null;
    }

    private static RoutineConfig ReadJsonc(string path)
    {
        var text = ReadText(path);
        try
        {
            using var document = JsonDocument.Parse(text, JsoncOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RoutineConfigException(path, 1, 1, $"{path} is not a JSON object. It should look like " +
                    "{ \"name\": \"my-routine\", \"entry\": \"src/index.js\" }.");
            }

            return new RoutineConfig(path, JsonText(root, "name", path), JsonText(root, "entry", path));
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new RoutineConfigException(path, line, column,
                $"{path} is not valid JSON with comments (line {line}, column {column}): {ParserMessage(ex.Message)} " +
                "Fix the file, or set " +
                "EsaRoutineName and EsaCodeFile in the project instead.", ex);
        }
    }

    private static RoutineConfig ReadToml(string path)
    {
        var text = ReadText(path);
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? [];
        }
        catch (TomlException ex)
        {
            throw new RoutineConfigException(path, ex.Line ?? 0, ex.Column ?? 0,
                $"{path} is not valid TOML: {ParserMessage(ex.Message)} Fix the file, or set EsaRoutineName and " +
                "EsaCodeFile in " +
                "the project instead.", ex);
        }

        return new RoutineConfig(path, TomlText(table, "name", path), TomlText(table, "entry", path));
    }

    /// <summary>
    /// The parser's own words without its position prefix (<c>(1,22) : error :</c>) or the position suffix
    /// (<c>Path: $ | LineNumber: …</c> or <c>LineNumber: …</c>), which the message already gives, on one line.
    /// </summary>
    private static string ParserMessage(string message)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(message, @"^\(\d+,\d+\)\s*:\s*error\s*:\s*", "");
        var suffix = new[] { " Path: ", " LineNumber: " }
            .Select(marker => text.IndexOf(marker, StringComparison.Ordinal))
            .Where(at => at >= 0)
            .DefaultIfEmpty(-1)
            .Min();
        text = (suffix >= 0 ? text[..suffix] : text).Trim();
        text = text.Split('\n', 2)[0].Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RoutineConfigException(path, 0, 0, $"{path} cannot be read: {ex.Message}", ex);
        }
    }

    private static string? JsonText(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw NotText(path, key, value.ValueKind.ToString().ToLowerInvariant());
    }

    private static string? TomlText(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value as string ?? throw NotText(path, key, value.GetType().Name);
    }

    private static RoutineConfigException NotText(string path, string key, string kind) =>
        new(path, 0, 0, $"\"{key}\" in {path} is a {kind}, but it must be a string.");
}
