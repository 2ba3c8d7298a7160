namespace EsaStage.Tasks.Config;

/// <summary>What a routine's <c>esa.jsonc</c> or <c>esa.toml</c> says about staging it.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Name">The routine name (<c>name</c>), if given.</param>
/// <param name="Entry">The code file (<c>entry</c>), relative to the file's folder, if given.</param>
internal sealed record RoutineConfig(string Path, string? Name, string? Entry);
