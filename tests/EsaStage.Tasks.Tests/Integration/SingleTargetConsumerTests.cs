using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests.Integration;

[TestClass]
public sealed class SingleTargetConsumerTests
{
    [TestMethod]
    public async Task StageRoutine_AgainForcedAndCleanedUnderGitHubActions_ReusesWritesOutputsAndStagesAgain()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["web-edge"] });
        var project = await ConsumerProject.CreateAsync("WebApp", """
                <TargetFramework>net10.0</TargetFramework>
                <EsaRoutineName>web-edge</EsaRoutineName>
                <EsaCodeFile>edge/index.js</EsaCodeFile>
            """);
        var outputFile = Path.Combine(project.Directory, "github-output");
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId;
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret;
        project.Environment["GITHUB_ACTIONS"] = "true";
        project.Environment["GITHUB_OUTPUT"] = outputFile;
        string[] stage = ["-t:StageRoutine", $"-p:EsaEndpoint={emulator.Endpoint.Authority}",
            "-getProperty:EsaCodeVersion", "-getProperty:EsaStageReused"];

        // First build: stages, and the emulator holds exactly the code file's bytes.
        var first = ConsumerProject.Properties(await Succeed(project.BuildAsync(stage)));
        var codeVersion = first["EsaCodeVersion"];
        Assert.MatchesRegex("^[0-9]{19}$", codeVersion);
        Assert.AreEqual("false", first["EsaStageReused"], ignoreCase: true);
        CollectionAssert.AreEqual(File.ReadAllBytes(project.CodeFile), emulator.State.GetStagingCode("web-edge"));
        var apiCalls = emulator.Requests.Count;

        // Same code: the CodeVersion is reused with no request, and still reaches GITHUB_OUTPUT.
        var second = ConsumerProject.Properties(await Succeed(project.BuildAsync(stage)));
        Assert.AreEqual(codeVersion, second["EsaCodeVersion"]);
        Assert.AreEqual("true", second["EsaStageReused"], ignoreCase: true);
        Assert.HasCount(apiCalls, emulator.Requests);
        var outputs = File.ReadAllLines(outputFile).Where(l => l.StartsWith("code-version=", StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { $"code-version={codeVersion}", $"code-version={codeVersion}" },
            outputs.ToArray());

        // EsaForceStage=true spends a new version.
        var forced = ConsumerProject.Properties(await Succeed(project.BuildAsync([.. stage, "-p:EsaForceStage=true"])));
        Assert.AreNotEqual(codeVersion, forced["EsaCodeVersion"]);
        Assert.AreEqual(forced["EsaCodeVersion"], emulator.State.GetRoutine("web-edge")!.StagingCode!.CodeVersion);

        // Clean forgets the stamp.
        Assert.IsTrue(File.Exists(project.StampFile));
        await Succeed(project.BuildAsync("-t:Clean"));
        Assert.IsFalse(File.Exists(project.StampFile));
    }

    private static async Task<DotnetRun> Succeed(Task<DotnetRun> build)
    {
        var run = await build;
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        return run;
    }
}
