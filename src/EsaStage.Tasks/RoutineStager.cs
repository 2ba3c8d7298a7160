using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Oss;
using EsaStage.Core.Staging;
using EsaStage.Emulator;
using EsaStage.Tasks.Hosting;
using EsaStage.Tasks.Logging;
using EsaStage.Tasks.Reuse;

namespace EsaStage.Tasks;

/// <summary>
/// Runs a staging for the task: the core's <see cref="StagingPipeline"/> against the real service or a private
/// emulator, with the reuse of an unchanged staging that only a build needs.
/// </summary>
/// <param name="log">The task's staging log.</param>
/// <param name="getVariable">Reads an environment variable (credentials come from the chain, never a property).</param>
internal sealed class RoutineStager(TaskStageLog log, Func<string, string?> getVariable)
{
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Stages against the ESA OpenAPI, or reuses the last staging when nothing changed.</summary>
    /// <param name="request">What to stage.</param>
    /// <param name="endpoint">The endpoint setting, or <see langword="null"/>.</param>
    /// <param name="region">The region setting, or <see langword="null"/>.</param>
    /// <param name="stampFile">Where the last staging is kept, or <see langword="null"/> for no reuse.</param>
    /// <param name="force">Whether to stage even when the stamp matches.</param>
    /// <param name="cancellationToken">Cancels the staging.</param>
    /// <returns>The outcome.</returns>
    public async Task<StageOutcome> StageAsync(StageRequest request, string? endpoint, string? region,
        string? stampFile, bool force, CancellationToken cancellationToken)
    {
        // Everything local is checked before anything remote is spent, and before a stamp is trusted.
        var stage = StageRequestValidator.Validate(request);
        var api = EsaEndpoint.Resolve(endpoint, region);

        var key = stampFile is null ? null : new StageKey(stage.RoutineName, HashFile(stage.CodeFile),
            stage.Description, api.AbsoluteUri, request.Commit || request.Publish is not null,
            request.Publish?.ToApiName(), AccountIdentity());
        if (key is not null && !force && StageStamp.TryRead(stampFile!) is { } stamp && stamp.Key == key)
        {
            log.Detail($"The stamp {stampFile} matches the code (sha256 {key.Sha256}), routine, description and " +
                "endpoint.");
            return new StageOutcome(stamp.Result, Reused: true);
        }

        // The Alibaba Cloud credentials chain, as every official SDK reads it; never an MSBuild property.
        using var credentials = DefaultCredentialChain.Create(
            new CredentialChainOptions { GetEnvironmentVariable = getVariable, Log = log });
        var result = await RunPipelineAsync(request, api, credentials, cancellationToken).ConfigureAwait(false);

        if (key is not null)
        {
            new StageStamp(key with { Sha256 = result.Sha256 }, result).Write(stampFile!);
        }

        return new StageOutcome(result, Reused: false);
    }

    /// <summary>
    /// A short hash of the variables that choose the account. Only names and ids are hashed, never a secret, and
    /// nothing remote is asked, so the reuse path stays local.
    /// </summary>
    private string AccountIdentity()
    {
        string[] names =
        [
            "ALIBABA_CLOUD_ACCESS_KEY_ID", "ESA_ACCESS_KEY_ID", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_PROFILE",
            "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_ECS_METADATA", "ALIBABA_CLOUD_CREDENTIALS_URI",
        ];
        var joined = string.Join('\n', names.Select(n => n + "=" + getVariable(n)));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(joined)))[..16];
    }

    /// <summary>Stages against a private emulator started for this staging and stopped after it.</summary>
    /// <param name="request">What to stage.</param>
    /// <param name="cancellationToken">Cancels the staging.</param>
    /// <returns>The outcome; never a reuse, since each emulator starts empty.</returns>
    public async Task<StageOutcome> StageOnEmulatorAsync(StageRequest request, CancellationToken cancellationToken)
    {
        StageRequestValidator.Validate(request);
        AspNetCoreFramework.EnsureLoadable();
        return await StageOnPrivateEmulatorAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Kept apart so that no emulator type, and so no ASP.NET Core type, is loaded before ASP.NET Core is loadable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<StageOutcome> StageOnPrivateEmulatorAsync(StageRequest request,
        CancellationToken cancellationToken)
    {
        var emulator = await PrivateEmulator.StartAsync(request.RoutineName, log, cancellationToken)
            .ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            var result = await RunPipelineAsync(request, emulator.Endpoint, emulator.Credentials, cancellationToken)
                .ConfigureAwait(false);
            emulator.ConfirmStored(result, log);
            return new StageOutcome(result, Reused: false);
        }
    }

    private async Task<StageResult> RunPipelineAsync(StageRequest request, Uri endpoint,
        ICredentialProvider credentials, CancellationToken cancellationToken)
    {
        using var apiHttp = new HttpClient { Timeout = ApiTimeout };
        using var uploadHttp = new HttpClient { Timeout = UploadTimeout };
        var pipeline = new StagingPipeline(new EsaClient(apiHttp, endpoint, credentials, log: log),
            new PostObjectUpload(uploadHttp, log), log);
        return await pipeline.RunAsync(request, progress: null, cancellationToken).ConfigureAwait(false);
    }

    private static string HashFile(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
