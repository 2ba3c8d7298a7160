using EsaStage.Cli.GitHub;
using EsaStage.Cli.Terminal;
using EsaStage.Core;
using EsaStage.Core.Api;
using EsaStage.Core.Ci;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Oss;
using EsaStage.Core.Staging;
using EsaStage.Emulator;

namespace EsaStage.Cli.Commands;

/// <summary>Runs <c>esa-stage stage</c>: the CodeVersion on stdout, everything else on stderr.</summary>
/// <param name="stdout">Receives the result.</param>
/// <param name="stderr">Receives progress and diagnostics.</param>
internal sealed class StageCommandHandler(TextWriter stdout, TextWriter stderr)
{
    private static readonly Func<string, string?> GetVariable = Environment.GetEnvironmentVariable;

    public async Task<int> RunAsync(StageOptions options, CancellationToken cancellationToken)
    {
        // System.CommandLine installs its Ctrl+C and SIGTERM handlers only once this method has returned its task;
        // until then a signal would end the process with no message. Yielding first hands the task back at once.
        await Task.Yield();

        // GitHub's runner reads workflow commands from stderr as well as stdout; on stderr they stay in order with
        // the log lines (a mask before the line it protects, a group around its lines). Azure's agent reads stdout.
        var onGitHub = string.Equals(GetVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        var ci = CiSinks.Detect(GetVariable, onGitHub ? stderr : stdout);
        var log = new StderrStageLog(stderr, options.Verbosity, ci);
        var gitHub = GitHubStageReporting.TryCreate(GetVariable, ci, log);
        string? validRoutine = null;
        PublishEnvironment? publish = null;
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
            publish = request.Publish;

            // Everything local is checked before an emulator starts or a request is made.
            var stage = StageRequestValidator.Validate(request);
            validRoutine = request.RoutineName;
            CheckResultJsonPath(options.ResultJson, stage.CodeFile);
            var endpoint = options.Emulator ? null : EsaEndpoint.Resolve(options.Endpoint, options.Region);
            if (options.Oidc.IsRequested)
            {
                GitHubOidcSession.EnsureUsable(options.Oidc, GetVariable);
            }

            var (result, routineUrl) = await StageAsync(options, request, endpoint, ci, log, cancellationToken);
            IReadOnlyList<SummaryLink> links = routineUrl is null ? [] : [new("Routine (default domain)", routineUrl)];
            CiResultPublisher.Publish(ci, log, result, links);
            if (gitHub is not null)
            {
                await gitHub.ReportSuccessAsync(result, routineUrl, links);
            }

            await stdout.WriteLineAsync(result.CodeVersion);
            return ExitCodes.Success;
        }
        catch (EsaStageException ex)
        {
            log.Error(ex.ErrorCode, ex.Message, ex.FilePath);
            if (gitHub is not null && validRoutine is not null)
            {
                await gitHub.ReportFailureAsync(validRoutine, publish, ex.ErrorCode, ex.Message);
            }

            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Error(ErrorCodes.Cancelled, "Staging was cancelled. No code version is reported.", null);
            return ExitCodes.Cancelled;
        }
    }

    private static void CheckResultJsonPath(string? resultJson, string codeFile)
    {
        if (resultJson is null)
        {
            return;
        }

        var path = Path.GetFullPath(resultJson);
        if (string.Equals(path, codeFile, StringComparison.Ordinal) || Directory.Exists(path))
        {
            throw new EsaStageException(ErrorCodes.InvalidOption,
                $"--result-json '{resultJson}' names the code file or a directory. Give a new file's path.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EsaStageException(ErrorCodes.InvalidOption,
                $"--result-json '{resultJson}' cannot be written: {ex.Message}", ex);
        }
    }

    private async Task<(StageResult Result, Uri? RoutineUrl)> StageAsync(StageOptions options, StageRequest request,
        Uri? endpoint, ICiSink ci, StderrStageLog log, CancellationToken cancellationToken)
    {
        await using var emulator = options.Emulator
            ? await PrivateEmulator.StartAsync(request.RoutineName, log, cancellationToken)
            : null;

        using var apiHttp = HttpClients.Create(options.Timeout);
        using var oidc = options.Oidc.IsRequested
            ? await StartOidcAsync(options.Oidc, apiHttp, ci, log, cancellationToken)
            : null;

        // The chain reads its variables only now, after a GitHub OIDC session has set the role's variables.
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

        using var uploadHttp = HttpClients.Create(options.UploadTimeout);
        var client = new EsaClient(apiHttp, emulator?.Endpoint ?? endpoint!, credentials, log: log);
        var pipeline = new StagingPipeline(client, new PostObjectUpload(uploadHttp, log), log);

        StageResult result;
        ci.BeginGroup($"Stage routine {request.RoutineName}");
        try
        {
            result = await pipeline.RunAsync(request,
                ConsoleUploadProgress.CreateForTerminal(stderr, options.Verbosity), cancellationToken);
            emulator?.ConfirmStored(result, log);
            if (options.ResultJson is not null)
            {
                WriteResultJson(result, options.ResultJson);
            }
        }
        finally
        {
            ci.EndGroup();
        }

        var routineUrl = ci is NoCiSink ? null : await FindRoutineUrlAsync(client, result.Routine, log,
            cancellationToken);
        return (result, routineUrl);
    }

    internal static async Task<GitHubOidcSession> StartOidcAsync(OidcRoleOptions options, HttpClient http,
        ICiSink ci, IStageLog log, CancellationToken cancellationToken)
    {
        ci.BeginGroup("Get a GitHub OIDC token");
        try
        {
            return await GitHubOidcSession.StartAsync(options, new GitHubOidcTokenClient(http, GetVariable), log,
                GetVariable, Environment.SetEnvironmentVariable, cancellationToken);
        }
        finally
        {
            ci.EndGroup();
        }
    }

    /// <summary>
    /// Looks up the routine's default domain for the summary's link. A link is a courtesy: a failed lookup only
    /// leaves it out.
    /// </summary>
    private static async Task<Uri?> FindRoutineUrlAsync(EsaClient client, string routine, IStageLog log,
        CancellationToken cancellationToken)
    {
        try
        {
            var details = await client.GetRoutineAsync(routine, cancellationToken);
            var host = details.DefaultRelatedRecord;
            return !string.IsNullOrWhiteSpace(host) && Uri.CheckHostName(host) == UriHostNameType.Dns
                ? new Uri($"https://{host}/")
                : null;
        }
        catch (EsaStageException ex)
        {
            log.Detail($"The routine's default domain is not shown: {ex.Message}");
            return null;
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
            throw new EsaStageException(ErrorCodes.ResultNotWritten,
                $"The code was staged as code version {result.CodeVersion}, but the result file '{path}' could " +
                $"not be written: {ex.Message}", ex);
        }
    }
}
