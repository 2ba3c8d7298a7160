using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests.Integration;

[TestClass]
public sealed class MultiTargetConsumerTests
{
    [TestMethod]
    public async Task StageRoutineAndStageOnBuild_TwoTargetFrameworks_BuildBothAndStageOnce()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["multi-edge"] });
        var project = await ConsumerProject.CreateAsync("MultiLib", """
                <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
                <EsaRoutineName>multi-edge</EsaRoutineName>
                <EsaCodeFile>edge/index.js</EsaCodeFile>
            """);
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId;
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret;

        var run = await project.BuildAsync("-t:StageRoutine", $"-p:EsaEndpoint={emulator.Endpoint.Authority}",
            "-getProperty:EsaCodeVersion");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(emulator.State.GetRoutine("multi-edge")!.StagingCode!.CodeVersion, run.LastLine);
        Assert.ContainsSingle(emulator.Requests.Where(r => r.Action == "GetRoutineStagingCodeUploadInfo"));
        foreach (var framework in new[] { "net10.0", "netstandard2.0" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(project.Directory, "bin", "Debug", framework, "MultiLib.dll")),
                framework);
        }

        // EsaStageOnBuild=true: a plain build stages once, after the outer build, not once per framework.
        var onBuild = await project.BuildAsync("-t:Build", $"-p:EsaEndpoint={emulator.Endpoint.Authority}",
            "-p:EsaStageOnBuild=true", "-p:EsaForceStage=true", "-getProperty:EsaCodeVersion");

        Assert.AreEqual(0, onBuild.ExitCode, onBuild.ToString());
        Assert.AreNotEqual(run.LastLine, onBuild.LastLine);
        Assert.AreEqual(emulator.State.GetRoutine("multi-edge")!.StagingCode!.CodeVersion, onBuild.LastLine);
        Assert.HasCount(2, emulator.Requests.Where(r => r.Action == "GetRoutineStagingCodeUploadInfo"));
    }
}
