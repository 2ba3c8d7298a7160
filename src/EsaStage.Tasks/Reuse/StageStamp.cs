using System.Text.Json;
using EsaStage.Core.Staging;

namespace EsaStage.Tasks.Reuse;

/// <summary>
/// The project's last successful staging, kept under <c>obj/</c>: each staging spends one of a routine's ten code
/// versions, so a build whose code, routine, description and endpoint have not changed reuses the CodeVersion
/// instead of spending another.
/// </summary>
/// <param name="Key">What was staged.</param>
/// <param name="Result">What the staging returned.</param>
internal sealed record StageStamp(StageKey Key, StageResult Result)
{
    /// <summary>Reads a stamp.</summary>
    /// <param name="path">The stamp file.</param>
    /// <returns>The stamp, or <see langword="null"/> when there is none or it cannot be read.</returns>
    public static StageStamp? TryRead(string path)
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize(File.ReadAllText(path), StageStampJsonContext.Default.StageStamp)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp, replacing the file whole so a reader never sees half of it.</summary>
    /// <param name="path">The stamp file.</param>
    public void Write(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        var temporary = $"{fullPath}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, StageStampJsonContext.Default.StageStamp));
        File.Move(temporary, fullPath, overwrite: true);
    }
}
