using EsaStage.Core.Api;
using EsaStage.Core.Tests.TestSupport;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.Staging;

[TestClass]
public sealed class VersionPruningTests
{
    [TestMethod]
    public async Task RunAsync_FullRoutineWithPruning_DeletesOnlyTheOldestUndeployedVersionThenStages()
    {
        // F1: versions v1..v10 (and the unstable pseudo-version), v9 on staging, v10 on production.
        await using var harness = await StagingHarness.StartAsync();
        var code = harness.WriteCode();
        var versions = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            versions.Add((await harness.Pipeline.RunAsync(harness.Request(code), null, CancellationToken.None))
                .CodeVersion);
        }

        await harness.Client.PublishRoutineCodeVersionAsync(StagingHarness.Routine, "staging", versions[8],
            CancellationToken.None);
        await harness.Client.PublishRoutineCodeVersionAsync(StagingHarness.Routine, "production", versions[9],
            CancellationToken.None);

        var result = await harness.Pipeline.RunAsync(harness.Request(code) with { PruneOldVersions = true }, null,
            CancellationToken.None);

        var remaining = harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.CodeVersions
            .Select(v => v.CodeVersion).ToList();
        CollectionAssert.AreEqual(versions.Skip(1).Append(result.CodeVersion).ToList(), remaining);
        var deletes = harness.Requests(RequestTarget.Esa).Where(r => r.Action == "DeleteRoutineCodeVersion").ToList();
        Assert.HasCount(1, deletes);
        Assert.AreEqual(versions[0], deletes[0].Parameters.Single(p => p.Key == "CodeVersion").Value);
        Assert.Contains($"Deleted code version {versions[0]} of routine 'hello-routine'", harness.Log.Text);
        Assert.AreEqual(2, harness.Requests(RequestTarget.Esa)
            .Count(r => r.Action == "GetRoutineStagingCodeUploadInfo" && r.StatusCode != 200) + 1);
    }

    [TestMethod]
    public async Task RunAsync_FullRoutineWithoutPruning_DeletesNothingAndNamesTheOption()
    {
        await using var harness = await StagingHarness.StartAsync();
        harness.Emulator.Faults.FailEsaRequests(1, 400, "CodeVersionNumberExceedQuotaLimit", "Full.",
            "GetRoutineStagingCodeUploadInfo");

        var error = await Assert.ThrowsAsync<EsaApiException>(
            () => harness.Pipeline.RunAsync(harness.Request(harness.WriteCode()), null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.VersionQuotaExceeded, error.ErrorCode);
        Assert.Contains("--prune-old-versions", error.Message);
        Assert.IsFalse(harness.Requests(RequestTarget.Esa).Any(r => r.Action == "DeleteRoutineCodeVersion"));
    }

    [TestMethod]
    public async Task RunAsync_EveryVersionDeployed_DeletesNothingAndSaysWhy()
    {
        await using var harness = await StagingHarness.StartAsync();
        var code = harness.WriteCode();
        var staging = await harness.Pipeline.RunAsync(harness.Request(code) with
        {
            Publish = Core.Staging.PublishEnvironment.Staging,
        }, null, CancellationToken.None);
        var production = await harness.Pipeline.RunAsync(harness.Request(code) with
        {
            Publish = Core.Staging.PublishEnvironment.Production,
        }, null, CancellationToken.None);
        var before = harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.CodeVersions.Count;

        // Two staged uploads are undeployed; make them look deployed by publishing them over the committed ones.
        await harness.Client.PublishRoutineCodeVersionAsync(StagingHarness.Routine, "staging", staging.CodeVersion,
            CancellationToken.None);
        await harness.Client.DeleteRoutineCodeVersionAsync(StagingHarness.Routine, staging.CommittedCodeVersion!,
            CancellationToken.None);
        await harness.Client.PublishRoutineCodeVersionAsync(StagingHarness.Routine, "production",
            production.CodeVersion, CancellationToken.None);
        await harness.Client.DeleteRoutineCodeVersionAsync(StagingHarness.Routine, production.CommittedCodeVersion!,
            CancellationToken.None);
        harness.Emulator.Faults.FailEsaRequests(1, 400, "CodeVersionNumberExceedQuotaLimit", "Full.",
            "GetRoutineStagingCodeUploadInfo");
        var deletesBefore = harness.Requests(RequestTarget.Esa).Count(r => r.Action == "DeleteRoutineCodeVersion");

        var error = await Assert.ThrowsAsync<EsaStageException>(() => harness.Pipeline.RunAsync(
            harness.Request(code) with { PruneOldVersions = true }, null, CancellationToken.None));

        Assert.AreEqual(ErrorCodes.VersionQuotaExceeded, error.ErrorCode);
        Assert.Contains("pruning found none it may delete", error.Message);
        Assert.Contains($"{staging.CodeVersion} (staging)", error.Message);
        Assert.Contains($"{production.CodeVersion} (production)", error.Message);
        Assert.Contains("Nothing was deleted", error.Message);
        Assert.AreEqual(deletesBefore,
            harness.Requests(RequestTarget.Esa).Count(r => r.Action == "DeleteRoutineCodeVersion"));
        Assert.AreEqual(before - 2, harness.Emulator.State.GetRoutine(StagingHarness.Routine)!.CodeVersions.Count);
    }
}
