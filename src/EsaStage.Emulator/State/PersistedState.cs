namespace EsaStage.Emulator.State;

/// <summary>The JSON index of the data directory.</summary>
/// <param name="FormatVersion">The index format, for later changes.</param>
/// <param name="Credentials">Generated credentials.</param>
/// <param name="Routines">Every routine.</param>
internal sealed record PersistedState(
    int FormatVersion, PersistedCredentials? Credentials, IReadOnlyList<RoutineSnapshot> Routines);
