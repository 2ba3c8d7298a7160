using System.Text.Json;

namespace EsaStage.Emulator.State;

/// <summary>The data directory's <c>state.json</c>: read at start, rewritten after every change.</summary>
internal sealed class StateFile(string directory)
{
    public const int FormatVersion = 1;

    private readonly string _path = Path.Combine(directory, "state.json");

    public PersistedState? Load()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        using var stream = File.OpenRead(_path);
        return JsonSerializer.Deserialize(stream, StateJsonContext.Default.PersistedState);
    }

    public void Save(PersistedState state)
    {
        // Write beside and rename, so a crash never leaves a half-written index.
        var temporary = _path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, state, StateJsonContext.Default.PersistedState);
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
