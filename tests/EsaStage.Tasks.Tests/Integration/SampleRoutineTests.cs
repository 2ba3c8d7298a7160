using EsaStage.Tasks.Tests.TestSupport;
using EsaStage.Tests.Shared;

namespace EsaStage.Tasks.Tests.Integration;

[TestClass]
public sealed class SampleRoutineTests
{
    // The README's main command: builds the task in this repository, builds the sample and stages it against a
    // private emulator. It builds repository projects, so it runs alone.
    [TestMethod]
    [DoNotParallelize]
    public async Task ReadmeMainCommand_OnTheSample_PrintsTheCodeVersion()
    {
        var run = await DotnetProcess.RunAsync(
            ["build", "samples/hello-routine", "-t:StageRoutine", "-p:EsaEmulator=true", "-getProperty:EsaCodeVersion",
                "-nodeReuse:false", "--disable-build-servers"],
            RepositoryPaths.Root);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.MatchesRegex("^[0-9]{19}$", run.LastLine, run.ToString());
        var built = Path.Combine(RepositoryPaths.SampleRoutine, "bin", "Debug", "routine", "index.js");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(RepositoryPaths.SampleRoutine, "src", "index.js")),
            File.ReadAllBytes(built));
    }
}
