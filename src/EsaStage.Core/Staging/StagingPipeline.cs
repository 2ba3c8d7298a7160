using EsaStage.Core.Api;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Oss;

namespace EsaStage.Core.Staging;

/// <summary>
/// The one place the staging flow lives: check the input locally, ask ESA for an upload form, upload the code,
/// then optionally commit and publish. Every front door calls this.
/// </summary>
/// <param name="client">The ESA OpenAPI client.</param>
/// <param name="upload">The OSS uploader.</param>
/// <param name="log">Where progress messages go.</param>
public sealed class StagingPipeline(EsaClient client, PostObjectUpload upload, IStageLog log)
{
    /// <summary>The code version limit per routine that the ESA documentation states.</summary>
    public const int DocumentedVersionLimit = 10;

    private const string QuotaCode = "CodeVersionNumberExceedQuotaLimit";

    /// <summary>The upload form fields that grant access to the bucket, masked in CI logs.</summary>
    private static readonly HashSet<string> SensitiveUploadFields =
        ["OSSAccessKeyId", "Signature", "policy", "callback", "x-oss-security-token"];

    /// <summary>Stages a routine's code.</summary>
    /// <param name="request">What to stage.</param>
    /// <param name="progress">Receives upload progress; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the flow.</param>
    /// <returns>The result, which exists only when every step asked for succeeded.</returns>
    /// <exception cref="EsaStageException">A step failed; no code version is reported.</exception>
    public async Task<StageResult> RunAsync(StageRequest request, IProgress<UploadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var stage = StageRequestValidator.Validate(request);
        var name = stage.RoutineName;
        log.Info($"Staging routine '{name}' from {stage.CodeFile} ({stage.Bytes:N0} bytes) " +
            $"through {client.Endpoint.Authority}.");

        // The form is asked for only now that the code exists and is readable, so it is fresh for the upload.
        var info = await WithQuota(request, [], token => client.GetRoutineStagingCodeUploadInfoAsync(name,
            stage.Description, token), cancellationToken).ConfigureAwait(false);
        var form = OssPostForm.FromConfig(info.OssPostConfig);
        foreach (var (field, value) in form.Fields)
        {
            if (SensitiveUploadFields.Contains(field))
            {
                log.MaskSecret(value);
            }
        }

        log.Detail($"Uploading to {form.Url.Authority} as object {form.Key}.");

        var uploaded = await upload.UploadAsync(form, stage.CodeFile, progress, cancellationToken)
            .ConfigureAwait(false);
        log.Info($"Uploaded {uploaded.Bytes:N0} bytes (sha256 {uploaded.Sha256}); staged code version " +
            $"{info.CodeVersion}.");

        string? committed = null;
        string? published = null;
        if (request.Commit || request.Publish is not null)
        {
            committed = await WithQuota(request, [info.CodeVersion], token =>
                client.CommitRoutineStagingCodeAsync(name, stage.Description, token), cancellationToken)
                .ConfigureAwait(false);
            log.Info($"Committed the staging code as code version {committed}.");
        }

        if (request.Publish is { } environment)
        {
            published = environment.ToApiName();
            await Explain(request, PublishAsync(name, published, committed!, cancellationToken))
                .ConfigureAwait(false);
            log.Info($"Published code version {committed} to {published}.");
        }

        return new StageResult(name, info.CodeVersion, stage.Description, committed, published, uploaded.Bytes,
            uploaded.Sha256, client.Endpoint.GetLeftPart(UriPartial.Authority));
    }

    private async Task<string> PublishAsync(string name, string environment, string codeVersion,
        CancellationToken cancellationToken)
    {
        await client.PublishRoutineCodeVersionAsync(name, environment, codeVersion, cancellationToken)
            .ConfigureAwait(false);
        return codeVersion;
    }

    /// <summary>
    /// Runs a call that may spend a code version. When the routine is full and pruning is on, the oldest unused
    /// version is deleted and the call is tried once more.
    /// </summary>
    private async Task<T> WithQuota<T>(StageRequest request, IReadOnlyCollection<string> keep,
        Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await Explain(request, call(cancellationToken)).ConfigureAwait(false);
        }
        catch (EsaApiException ex) when (ex.Code == QuotaCode && request.PruneOldVersions)
        {
            log.Info($"Routine '{request.RoutineName}' has no free code version; pruning is on, so the oldest " +
                "version that is not deployed will be deleted.");
        }

        var pruned = await new VersionPruner(client, log).DeleteOldestUnusedAsync(request.RoutineName, keep,
            cancellationToken).ConfigureAwait(false);
        return await Explain(request, call(cancellationToken), pruned).ConfigureAwait(false);
    }

    private static async Task<T> Explain<T>(StageRequest request, Task<T> call, string? pruned = null)
    {
        var routine = request.RoutineName;
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (EsaApiException ex) when (ex.Code == QuotaCode)
        {
            var remedy = pruned is not null
                ? $"Pruning deleted code version {pruned}, yet the routine is still full. Delete more unused " +
                  "versions in the ESA console, then stage again."
                : "Delete an unused version in the ESA console or with DeleteRoutineCodeVersion, or let staging " +
                  "delete the oldest version that is not deployed (esa-stage --prune-old-versions, MSBuild " +
                  "EsaPruneOldVersions=true), then stage again.";
            throw new EsaApiException(ex.ErrorCode,
                $"Routine '{routine}' has no free code version: ESA keeps at most {DocumentedVersionLimit} per " +
                $"routine (the limit may depend on the plan). {remedy} {ex.Message}", ex.Error);
        }
        catch (EsaApiException ex) when (ex.Code == "RoutineNotExist")
        {
            throw new EsaApiException(ex.ErrorCode,
                $"Routine '{routine}' does not exist for this account at this endpoint. Check the name and the " +
                $"region, or create the routine in the ESA console first. {ex.Message}", ex.Error);
        }
    }
}
