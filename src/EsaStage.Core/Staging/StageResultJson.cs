using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsaStage.Core.Staging;

/// <summary>Writes a <see cref="StageResult"/> as the result JSON other tools read (<c>--result-json</c>).</summary>
public static class StageResultJson
{
    /// <summary>Serializes the result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>Indented JSON with camelCase names.</returns>
    public static string Serialize(StageResult result) =>
        JsonSerializer.Serialize(result, StageResultJsonContext.Default.StageResult);

    /// <summary>Reads a result back, e.g. from a CI step's <c>result-json</c> output.</summary>
    /// <param name="json">The JSON, as <see cref="Serialize"/> writes it.</param>
    /// <returns>The result, or <see langword="null"/> when the JSON is not a result.</returns>
    public static StageResult? Deserialize(string json)
    {
        try
        {
            var result = JsonSerializer.Deserialize(json, StageResultJsonContext.Default.StageResult);
            return result is { Routine.Length: > 0, CodeVersion.Length: > 0 } ? result : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the result to a file, replacing it whole so a reader never sees half a file.</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The file.</param>
    public static void WriteFile(StageResult result, string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        var temporary = fullPath + ".tmp";
        File.WriteAllText(temporary, Serialize(result) + "\n");
        File.Move(temporary, fullPath, overwrite: true);
    }
}
