using System.Security.Cryptography;
using EsaStage.Core;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Staging;
using EsaStage.Emulator;

namespace EsaStage.Cli.Commands;

/// <summary>
/// The emulator behind <c>stage --emulator</c>: started on a free loopback port with its own credentials and the
/// routine already created, and stopped when the run ends.
/// </summary>
internal sealed class PrivateEmulator : IAsyncDisposable
{
    private readonly EsaEmulator _emulator;

    private PrivateEmulator(EsaEmulator emulator) => _emulator = emulator;

    public Uri Endpoint => _emulator.Endpoint;

    public ICredentialProvider Credentials => new StaticCredentialProvider(
        new AccessKeyCredential(_emulator.AccessKeyId, _emulator.AccessKeySecret) { Source = "emulator" });

    public static async Task<PrivateEmulator> StartAsync(string routine, IStageLog log,
        CancellationToken cancellationToken)
    {
        var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = [routine] }, cancellationToken);
        log.Info($"Started the built-in emulator at {emulator.Endpoint.Authority} with routine '{routine}'.");
        return new PrivateEmulator(emulator);
    }

    /// <summary>Checks that the emulator holds exactly the bytes that were staged, and says so.</summary>
    public void ConfirmStored(StageResult result, IStageLog log)
    {
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

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
