using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests.Integration;

[TestClass]
public sealed class TaskHostingTests
{
    [TestMethod]
    public async Task StageRoutine_EmulatorInAProjectWithOldJsonLibraries_LoadsTheTaskAndAspNetCore()
    {
        var project = await ConsumerProject.CreateAsync("LegacyJson", """
                <TargetFramework>net10.0</TargetFramework>
                <EsaRoutineName>legacy-edge</EsaRoutineName>
                <EsaCodeFile>edge/index.js</EsaCodeFile>
                <NuGetAudit>false</NuGetAudit>
            """, """
                <PackageReference Include="Newtonsoft.Json" Version="9.0.1" />
                <PackageReference Include="System.Text.Json" Version="6.0.0" />
            """);

        var run = await project.BuildAsync("-t:StageRoutine", "-p:EsaEmulator=true", "-getProperty:EsaCodeVersion");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.MatchesRegex("^[0-9]{19}$", run.LastLine, run.ToString());
        foreach (var failure in new[] { "FileLoadException", "FileNotFoundException", "MissingMethodException" })
        {
            Assert.DoesNotContain(failure, run.Stdout + run.Stderr);
        }
    }

    [TestMethod]
    public async Task StageRoutine_PackageUpdatedBetweenBuildsInAReusedNode_RunsTheUpdatedTask()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["update-edge"] });
        var feed = await PackageFeed.GetAsync();
        const string Properties = """
                <TargetFramework>net10.0</TargetFramework>
                <EsaRoutineName>update-edge</EsaRoutineName>
                <EsaCodeFile>edge/index.js</EsaCodeFile>
            """;
        var project = await ConsumerProject.CreateAsync("Updated", Properties);
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = emulator.AccessKeyId;
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = emulator.AccessKeySecret;
        var salt = Guid.NewGuid().ToString("N");
        string[] stage = ["-t:StageRoutine", $"-p:EsaEndpoint={emulator.Endpoint.Authority}", "-p:EsaForceStage=true",
            "-v:detailed"];
        try
        {
            var before = await project.BuildInReusedNodesAsync(salt, stage);
            Assert.AreEqual(0, before.ExitCode, before.ToString());
            StringAssert.Contains(before.Stdout, $"/esastagetask/{feed.Version}/tasks/");
            var nodes = BuildNodes.FindWorkerNodes(salt);
            Assert.IsNotEmpty(nodes, "The worker node stays for the next build.");

            var updated = await feed.PackAnotherVersionAsync();
            project.WriteProject(Properties, string.Empty, updated);
            var after = await project.BuildInReusedNodesAsync(salt, stage);

            Assert.AreEqual(0, after.ExitCode, after.ToString());
            Assert.IsNotEmpty(BuildNodes.FindWorkerNodes(salt).Intersect(nodes), "The second build reused the node.");
            StringAssert.Contains(after.Stdout, $"/esastagetask/{updated}/tasks/");
            Assert.DoesNotContain($"/esastagetask/{feed.Version}/tasks/", after.Stdout);
            Assert.DoesNotContain("MSB3026", after.Stdout);
            Assert.DoesNotContain("MSB4018", after.Stdout);
        }
        finally
        {
            BuildNodes.EndAll(salt);
        }
    }
}
