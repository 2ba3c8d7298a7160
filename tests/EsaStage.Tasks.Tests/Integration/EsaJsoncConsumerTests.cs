using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests.Integration;

[TestClass]
public sealed class EsaJsoncConsumerTests
{
    [TestMethod]
    public async Task StageRoutine_OnlyEsaJsonc_StagesItsEntryUnderItsName()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["jsonc-edge"] });
        var project = await ConsumerProject.CreateAsync("EdgeOnly", """
                <TargetFramework>net10.0</TargetFramework>
            """);
        File.WriteAllText(Path.Combine(project.Directory, "esa.jsonc"), """
            // Written by Alibaba's ESA CLI.
            {
              "name": "jsonc-edge",
              "entry": "edge/index.js",
            }
            """);
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId;
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret;

        var run = await project.BuildAsync("-t:StageRoutine", $"-p:EsaEndpoint={emulator.Endpoint.Authority}",
            "-getProperty:EsaCodeVersion");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var staged = emulator.State.GetRoutine("jsonc-edge")!.StagingCode!;
        Assert.AreEqual(staged.CodeVersion, run.LastLine);
        CollectionAssert.AreEqual(File.ReadAllBytes(project.CodeFile), emulator.State.GetStagingCode("jsonc-edge"));
        StringAssert.StartsWith(staged.Description, "EdgeOnly 1.0.0");
    }
}
