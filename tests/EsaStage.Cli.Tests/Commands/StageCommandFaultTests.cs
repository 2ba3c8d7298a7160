using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Oss;
using EsaStage.Core.Staging;
using EsaStage.Emulator;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Commands;

[TestClass]
public sealed class StageCommandFaultTests
{
    [TestMethod]
    public async Task Stage_ServiceBusyOnce_LogsTheRetryAndSucceeds()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.FailEsaRequests(1, 503, "ServiceUnavailable", "The service is busy.");

        var run = await ToolProcess.RunAsync(Stage(emulator), Credentials(emulator));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.MatchesRegex("^[0-9]{19}$", run.Stdout.Trim());
        Assert.Contains("GetRoutineStagingCodeUploadInfo attempt 1 of 3 failed: HTTP 503 ServiceUnavailable",
            run.Stderr);
    }

    [TestMethod]
    public async Task Stage_QuotaWithoutPruning_FailsNamingTheRoutineLimitAndOption()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.FailEsaRequests(1, 400, "CodeVersionNumberExceedQuotaLimit", "Full.");

        var run = await ToolProcess.RunAsync(Stage(emulator), Credentials(emulator));

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.AreEqual(string.Empty, run.Stdout);
        Assert.MatchesRegex(
            "(?m)^error ESA2002: Routine 'hello-routine' has no free code version: ESA keeps at most 10",
            run.Stderr);
        Assert.Contains("--prune-old-versions", run.Stderr);
        Assert.HasCount(1, emulator.Requests);
    }

    [TestMethod]
    public async Task Stage_PruneOldVersionsOnAFullRoutine_DeletesTheOldestAndStages()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        var versions = await FillAsync(emulator);

        var run = await ToolProcess.RunAsync([.. Stage(emulator), "--prune-old-versions"], Credentials(emulator));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.Contains($"Deleted code version {versions[0]} of routine 'hello-routine'", run.Stderr);
        var remaining = emulator.State.GetRoutine("hello-routine")!.CodeVersions.Select(v => v.CodeVersion).ToList();
        CollectionAssert.DoesNotContain(remaining, versions[0]);
        CollectionAssert.Contains(remaining, run.Stdout.Trim());
        Assert.HasCount(10, remaining);
    }

    [TestMethod]
    public async Task Stage_InterruptedAtOnce_StillReportsTheCancellation()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["hello-routine"] });
        emulator.Faults.DelayRequests(EsaStage.Emulator.Faults.FaultTarget.Esa, 1, TimeSpan.FromSeconds(60));
        using var stage = ToolProcess.Start(Stage(emulator), Credentials(emulator));
        var stdout = stage.StandardOutput.ReadToEndAsync();
        await stage.StandardError.ReadLineAsync();

        // No pause: the signal arrives while the run is still setting up its first call.
        await ToolProcess.InterruptAsync(stage);

        var stderr = await stage.StandardError.ReadToEndAsync();
        Assert.AreEqual(130, stage.ExitCode, stderr);
        Assert.AreEqual(string.Empty, await stdout);
        Assert.Contains("error ESA9002: Staging was cancelled", stderr);
    }

    private static async Task<List<string>> FillAsync(EsaEmulator emulator)
    {
        using var http = new HttpClient();
        var client = new EsaClient(http, emulator.Endpoint, new StaticCredentialProvider(
            new AccessKeyCredential(emulator.AccessKeyId, emulator.AccessKeySecret)));
        var pipeline = new StagingPipeline(client, new PostObjectUpload(http),
            Core.Diagnostics.NullStageLog.Instance);
        var versions = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var result = await pipeline.RunAsync(new StageRequest
            {
                RoutineName = "hello-routine", CodeFile = RepositoryPaths.SampleCode,
            }, null, CancellationToken.None);
            versions.Add(result.CodeVersion);
        }

        return versions;
    }

    private static string[] Stage(EsaEmulator emulator) =>
        ["stage", "--endpoint", emulator.Endpoint.Authority, "--name", "hello-routine", "--code",
            RepositoryPaths.SampleCode];

    private static Dictionary<string, string> Credentials(EsaEmulator emulator) => new()
    {
        ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId,
        ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret,
    };
}
