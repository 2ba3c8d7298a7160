using System.Diagnostics;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests;

[TestClass]
public sealed class SampleRoutineTests
{
    [TestMethod]
    public async Task NodeTests_SampleRoutineHandler_AllPass()
    {
        var start = new ProcessStartInfo("node", ["--test", "test/"])
        {
            WorkingDirectory = RepositoryPaths.SampleRoutine,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        var output = await stdout + await stderr;
        Assert.AreEqual(0, node.ExitCode, output);
        Assert.MatchesRegex(@"# pass [1-9][0-9]*", output);
        Assert.Contains("# fail 0", output);
    }
}
