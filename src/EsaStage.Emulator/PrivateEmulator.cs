using System.Security.Cryptography;
using EsaStage.Core;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Staging;

namespace EsaStage.Emulator;

/// <summary>
/// An emulator for one staging run (<c>esa-stage stage --emulator</c>, <c>-p:EsaEmulator=true</c>): started on a
/// free loopback port with its own credentials and the routine already created, and stopped when the run ends.
/// </summary>
public sealed class PrivateEmulator : IAsyncDisposable
{
    private readonly EsaEmulator _emulator;

    private PrivateEmulator(EsaEmulator emulator) => _emulator = emulator;

    /// <summary>Gets the emulator's ESA API base URL.</summary>
    public Uri Endpoint => _emulator.Endpoint;

    /// <summary>Gets the credentials the emulator accepts; they never leave the process.</summary>
    public ICredentialProvider Credentials => new StaticCredentialProvider(
        new AccessKeyCredential(_emulator.AccessKeyId, _emulator.AccessKeySecret) { Source = "emulator" });

    /// <summary>Starts an emulator that holds <paramref name="routine"/>.</summary>
    /// <param name="routine">The routine to create.</param>
    /// <param name="log">Told where the emulator listens.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<PrivateEmulator> StartAsync(string routine, IStageLog log,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);

        var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = [routine] }, cancellationToken)
            .ConfigureAwait(false);
        log.Info($"Started the built-in emulator at {emulator.Endpoint.Authority} with routine '{routine}'.");
        return new PrivateEmulator(emulator);
    }

    /// <summary>Checks that the emulator holds exactly the bytes that were staged, and says so.</summary>
    /// <param name="result">The staging to check.</param>
    /// <param name="log">Told what the emulator holds.</param>
    /// <exception cref="EsaStageException">The emulator holds other bytes, or none.</exception>
    public void ConfirmStored(StageResult result, IStageLog log)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(log);

        var stored = _emulator.State.GetStagingCode(result.Routine);
        var storedHash = stored is null ? null : Convert.ToHexStringLower(SHA256.HashData(stored));
        if (storedHash != result.Sha256)
        {
            throw new EsaStageException(ErrorCodes.Unexpected,
                $"The emulator does not hold the staged code for '{result.Routine}' (expected sha256 " +
                $"{result.Sha256}, found {storedHash ?? "nothing"}).");
        }

        log.Info($"The emulator holds the staged code: {stored!.Length:N0} bytes, sha256 {storedHash}.");
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
