using System.Security.Cryptography;
using EsaStage.Emulator.Esa;
using EsaStage.Core.Staging;

namespace EsaStage.Emulator.State;

/// <summary>
/// The emulator's routines, code versions, environments and code. Thread-safe; every read returns a snapshot.
/// </summary>
/// <remarks>
/// <para>
/// Version accounting follows the ESA documentation's "each staging upload takes one code version": an upload whose
/// OSS callback succeeded becomes a version (<see cref="CodeVersionOrigin.StagingUpload"/>) under the CodeVersion
/// that <c>GetRoutineStagingCodeUploadInfo</c> issued, and every <c>CommitRoutineStagingCode</c> adds another
/// (<see cref="CodeVersionOrigin.Commit"/>). A routine holds at most <see cref="MaxCodeVersions"/>; issuing a form,
/// registering an upload and committing all refuse beyond that.
/// </para>
/// <para>With a data directory, every change is written to its <c>state.json</c> before the call returns.</para>
/// </remarks>
public sealed class EmulatorState
{
    /// <summary>The most code versions a routine may hold unless the options say otherwise, as ESA documents.</summary>
    public const int DefaultMaxCodeVersions = 10;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RoutineSnapshot> _routines = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly StateFile? _file;
    private readonly PersistedCredentials? _credentials;

    internal EmulatorState(TimeProvider time, CodeStore code, StateFile? file, PersistedState? restored,
        PersistedCredentials? credentials, int maxCodeVersions)
    {
        _time = time;
        MaxCodeVersions = maxCodeVersions;
        _file = file;
        _credentials = credentials;
        Code = code;
        foreach (var routine in restored?.Routines ?? [])
        {
            _routines[routine.Name] = routine;
            foreach (var version in routine.CodeVersions)
            {
                Versions.Observe(version.CodeVersion);
            }
        }
    }

    /// <summary>
    /// Gets the most code versions a routine may hold (<see cref="EmulatorOptions.MaxCodeVersions"/>).
    /// </summary>
    public int MaxCodeVersions { get; }

    internal CodeStore Code { get; }

    internal CodeVersionAllocator Versions { get; } = new();

    internal PendingUploads PendingUploads { get; } = new();

    /// <summary>Lists every routine, by name.</summary>
    /// <returns>Snapshots of the routines.</returns>
    public IReadOnlyList<RoutineSnapshot> GetRoutines()
    {
        lock (_gate)
        {
            return [.. _routines.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Gets a routine.</summary>
    /// <param name="name">The routine name.</param>
    /// <returns>The snapshot, or <see langword="null"/> when no routine has that name.</returns>
    public RoutineSnapshot? GetRoutine(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _routines.GetValueOrDefault(name);
        }
    }

    /// <summary>Creates a routine, as <c>CreateRoutine</c> does.</summary>
    /// <param name="name">The name; see <see cref="RoutineNames.IsValid"/>.</param>
    /// <param name="description">The description.</param>
    /// <returns>The new routine.</returns>
    /// <exception cref="ArgumentException">The name breaks the naming rule.</exception>
    /// <exception cref="InvalidOperationException">A routine of that name exists.</exception>
    public RoutineSnapshot CreateRoutine(string name, string? description = null)
    {
        if (!RoutineNames.IsValid(name))
        {
            throw new ArgumentException($"\"{name}\" is not a valid routine name.", nameof(name));
        }

        return TryCreateRoutine(name, description ?? string.Empty)
            ?? throw new InvalidOperationException($"The routine \"{name}\" already exists.");
    }

    /// <summary>Reads the routine's staging code.</summary>
    /// <param name="name">The routine name.</param>
    /// <returns>The bytes, or <see langword="null"/> when the routine or its staging code does not exist.</returns>
    public byte[]? GetStagingCode(string name) =>
        GetRoutine(name)?.StagingCode is { } staging ? Code.Read(staging.Sha256) : null;

    /// <summary>Reads the code of one version.</summary>
    /// <param name="name">The routine name.</param>
    /// <param name="codeVersion">The version.</param>
    /// <returns>The bytes, or <see langword="null"/> when the routine or version does not exist.</returns>
    public byte[]? GetCodeVersionCode(string name, string codeVersion) =>
        GetRoutine(name)?.FindVersion(codeVersion) is { } version ? Code.Read(version.Sha256) : null;

    internal RoutineSnapshot? TryCreateRoutine(string name, string description)
    {
        lock (_gate)
        {
            if (_routines.ContainsKey(name))
            {
                return null;
            }

            var record = $"{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.er.aliyun-esa.net";
            var routine = new RoutineSnapshot(name, description, _time.GetUtcNow(), record, null, [], []);
            _routines[name] = routine;
            Save();
            return routine;
        }
    }

    /// <summary>
    /// Changes one routine atomically. <paramref name="change"/> runs under the state lock and may throw an
    /// <see cref="EsaException"/> to leave the routine unchanged.
    /// </summary>
    internal T Update<T>(string name, Func<RoutineSnapshot, (RoutineSnapshot Next, T Result)> change)
    {
        lock (_gate)
        {
            if (!_routines.TryGetValue(name, out var routine))
            {
                throw new EsaException(EsaError.RoutineNotExist(name));
            }

            var (next, result) = change(routine);
            if (!ReferenceEquals(next, routine))
            {
                _routines[name] = next;
                Save();
            }

            return result;
        }
    }

    private void Save() =>
        _file?.Save(new PersistedState(StateFile.FormatVersion, _credentials,
            [.. _routines.Values.OrderBy(r => r.Name, StringComparer.Ordinal)]));
}
