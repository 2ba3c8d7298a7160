using EsaStage.Cli.Terminal;
using EsaStage.Core;
using EsaStage.Emulator;

namespace EsaStage.Cli.Commands;

/// <summary>Runs <c>esa-stage emulator</c>: prints how to reach it, then serves until cancelled.</summary>
/// <param name="stdout">Receives the endpoint and credentials.</param>
/// <param name="stderr">Receives the request log and diagnostics.</param>
internal sealed class EmulatorCommandHandler(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The --endpoint value that reaches the emulator: a bare loopback host means http.</summary>
    private static string EndpointArgument(Uri endpoint) =>
        endpoint.Scheme == Uri.UriSchemeHttps ? endpoint.GetLeftPart(UriPartial.Authority) : endpoint.Authority;

    private static string TrustNote(EmulatorOptions options) => options.HttpsCertificatePemPath is null
        ? string.Empty
        : $"(The client must trust the certificate, e.g. SSL_CERT_FILE={options.HttpsCertificatePemPath} on Linux.)\n";

    public async Task<int> RunAsync(EmulatorOptions options, bool secretGiven, CancellationToken cancellationToken)
    {
        EsaEmulator emulator;
        try
        {
            emulator = await EsaEmulator.StartAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException
            or System.Security.Cryptography.CryptographicException)
        {
            await stderr.WriteLineAsync(Diagnostic.Format("error", ErrorCodes.EmulatorFailed,
                $"The emulator could not start: {ex.Message}"));
            return ExitCodes.Failed;
        }

        await using (emulator)
        {
            // The emulator's own generated key is a local test credential, so showing it is the point; a secret
            // the user chose is not echoed back.
            var secret = secretGiven ? "(as given with --access-key-secret)" : emulator.AccessKeySecret;
            await stdout.WriteLineAsync($"""
                ESA emulator running.
                  ESA endpoint:       {emulator.Endpoint}
                  OSS endpoint:       {emulator.OssEndpoint}
                  AccessKey ID:       {emulator.AccessKeyId}
                  AccessKey secret:   {secret}

                Stage against it from another shell:
                  export ALIBABA_CLOUD_ACCESS_KEY_ID={emulator.AccessKeyId}
                  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=<the secret above>
                  esa-stage stage --endpoint {EndpointArgument(emulator.Endpoint)} --name <routine> --code <file>
                {TrustNote(options)}
                Inspect it: {emulator.Endpoint}_emulator/routines
                Press Ctrl+C to stop.
                """);
            await stdout.FlushAsync(cancellationToken);

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await stderr.WriteLineAsync("Emulator stopped.");
            }
        }

        return ExitCodes.Success;
    }
}
