using System.Globalization;
using EsaStage.Core.Api;
using EsaStage.Core.Diagnostics;

namespace EsaStage.Core.Staging;

/// <summary>
/// Frees one of a routine's code versions by deleting the oldest one that nothing uses: not deployed to any
/// environment, not the <c>unstable</c> pseudo-version, and not a version this run created.
/// </summary>
/// <param name="client">The ESA OpenAPI client.</param>
/// <param name="log">Receives one line per deletion.</param>
internal sealed class VersionPruner(EsaClient client, IStageLog log)
{
    /// <summary>The pseudo-version that version lists carry for the staging code; never a real version.</summary>
    public const string UnstableVersion = "unstable";

    private const int PageSize = 20;
    private const int MaxPages = 50;

    /// <summary>Deletes the oldest code version that is neither deployed nor kept.</summary>
    /// <param name="routine">The routine name.</param>
    /// <param name="keep">Versions that must stay (those this run created).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The deleted version.</returns>
    /// <exception cref="EsaStageException">Every version is deployed or kept, so nothing may be deleted.</exception>
    public async Task<string> DeleteOldestUnusedAsync(string routine, IReadOnlyCollection<string> keep,
        CancellationToken cancellationToken)
    {
        var versions = await ListAllAsync(routine, cancellationToken).ConfigureAwait(false);
        var details = await client.GetRoutineAsync(routine, cancellationToken).ConfigureAwait(false);
        var deployed = details.Environments
            .SelectMany(e => e.CodeVersions.Select(v => (Version: v, Env: e.Name)))
            .ToList();

        var oldest = versions
            .Where(v => v.CodeVersion != UnstableVersion && !keep.Contains(v.CodeVersion)
                && deployed.All(d => d.Version != v.CodeVersion))
            .OrderBy(v => CreatedAt(v) ?? DateTimeOffset.MaxValue)
            .ThenBy(v => v.CodeVersion.Length)
            .ThenBy(v => v.CodeVersion, StringComparer.Ordinal)
            .FirstOrDefault();
        if (oldest is null)
        {
            var inUse = deployed.Count == 0
                ? "none is deployed, but each was created by this run"
                : "deployed: " + string.Join(", ", deployed.Select(d => $"{d.Version} ({d.Env})"));
            throw new EsaStageException(ErrorCodes.VersionQuotaExceeded,
                $"Routine '{routine}' has no free code version, and pruning found none it may delete among its " +
                $"{versions.Count(v => v.CodeVersion != UnstableVersion)} versions ({inUse}). Nothing was deleted. " +
                "Undeploy or delete a version in the ESA console, then stage again.");
        }

        await client.DeleteRoutineCodeVersionAsync(routine, oldest.CodeVersion, cancellationToken)
            .ConfigureAwait(false);
        log.Info($"Deleted code version {oldest.CodeVersion} of routine '{routine}' (created " +
            $"{oldest.CreateTime ?? "at an unknown time"}) to free a version: it was the oldest one not deployed " +
            "to staging or production.");
        return oldest.CodeVersion;
    }

    private async Task<List<CodeVersionSummary>> ListAllAsync(string routine, CancellationToken cancellationToken)
    {
        var all = new List<CodeVersionSummary>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await client.ListRoutineCodeVersionsAsync(routine, page, PageSize, cancellationToken)
                .ConfigureAwait(false);
            all.AddRange(result.CodeVersions.Where(v => all.All(seen => seen.CodeVersion != v.CodeVersion)));
            if (result.CodeVersions.Count < PageSize || all.Count >= result.TotalCount)
            {
                break;
            }
        }

        return all;
    }

    private static DateTimeOffset? CreatedAt(CodeVersionSummary version) =>
        DateTimeOffset.TryParse(version.CreateTime, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
