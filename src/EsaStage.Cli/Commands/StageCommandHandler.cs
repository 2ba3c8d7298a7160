using EsaStage.Cli.Terminal;
using EsaStage.Core;
using EsaStage.Core.Api;
using EsaStage.Core.Ci;
using EsaStage.Core.Credentials;
using EsaStage.Core.Oss;
using EsaStage.Core.Staging;

namespace EsaStage.Cli.Commands;

/// <summary>Runs <c>esa-stage stage</c>: the CodeVersion on stdout, everything else on stderr.</summary>
/// <param name="stdout">Receives the result.</param>
/// <param name="stderr">Receives progress and diagnostics.</param>
internal sealed class StageCommandHandler(TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(StageOptions options, CancellationToken cancellationToken)
    {
        // System.CommandLine installs its Ctrl+C and SIGTERM handlers only once this method has returned its task;
        // until then a signal would end the process with no message. Yielding first hands the task back at once.
        await Task.Yield();

        var ci = CiSinks.Detect(Environment.GetEnvironmentVariable, stdout);
        var log = new StderrStageLog(stderr, options.Verbosity, ci);
        try
        {
            var request = new StageRequest
            {
                RoutineName = options.Name ?? string.Empty,
                CodeFile = options.Code ?? string.Empty,
                Description = options.Description,
                Commit = options.Commit,
                Publish = PublishEnvironments.Parse(options.Publish, "--publish"),
                MaxCodeBytes = options.MaxCodeBytes,
                PruneOldVersions = options.PruneOldVersions,
            };

            // Everything local is checked before an emulator starts or a request is made.
            StageRequestValidator.Validate(request);
            var endpoint = options.Emulator ? null : EsaEndpoint.Resolve(options.Endpoint, options.Region);

            await using var emulator = options.Emulator
                ? await PrivateEmulator.StartAsync(request.RoutineName, log, cancellationToken)
                : null;

            using var chain = emulator is null
                ? DefaultCredentialChain.Create(new CredentialChainOptions
                {
                    Profile = options.Profile,
                    Log = log,
                    Timeout = options.Timeout,
                })
                : null;
            ICredentialProvider credentials = emulator?.Credentials ?? chain!;

            // Credentials are checked up front too: an unusable one fails here with no request made. Under CI the
            // secret parts are masked before anything could print them (the chain also masks every refresh).
            var credential = await credentials.GetCredentialAsync(cancellationToken);
            log.MaskSecret(credential.AccessKeySecret);
            log.MaskSecret(credential.SecurityToken ?? string.Empty);

            using var apiHttp = HttpClients.Create(options.Timeout);
            using var uploadHttp = HttpClients.Create(options.UploadTimeout);
            var client = new EsaClient(apiHttp, emulator?.Endpoint ?? endpoint!, credentials, log: log);
            var pipeline = new StagingPipeline(client, new PostObjectUpload(uploadHttp, log), log);

            var result = await pipeline.RunAsync(request,
                ConsoleUploadProgress.CreateForTerminal(stderr, options.Verbosity), cancellationToken);

            emulator?.ConfirmStored(result, log);
            if (options.ResultJson is not null)
            {
                WriteResultJson(result, options.ResultJson);
            }

            ci.PublishOutputs(result);
            ci.WriteSummary(result);
            await stdout.WriteLineAsync(result.CodeVersion);
            return ExitCodes.Success;
        }
        catch (EsaStageException ex)
        {
            log.Error(ex.ErrorCode, ex.Message, ex.FilePath);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Error(ErrorCodes.Cancelled, "Staging was cancelled. No code version is reported.", null);
            return ExitCodes.Cancelled;
        }
    }

    private static void WriteResultJson(StageResult result, string path)
    {
        try
        {
            StageResultJson.WriteFile(result, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new EsaStageException(ErrorCodes.InvalidOption,
                $"The code was staged as code version {result.CodeVersion}, but the result file '{path}' could " +
                $"not be written: {ex.Message}", ex);
        }
    }
}
