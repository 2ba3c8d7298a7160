using System.Text.Json;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>
/// A project outside the repository that references only the packed EsaStageTask from the local feed, as a user's
/// project would, with the routine's code in <c>edge/index.js</c>.
/// </summary>
internal sealed class ConsumerProject
{
    public const string Code = "export default { async fetch() { return new Response('consumer'); } };\n";

    private readonly PackageFeed _feed;

    private ConsumerProject(PackageFeed feed, string directory, string name)
    {
        _feed = feed;
        Directory = directory;
        ProjectFile = Path.Combine(directory, name + ".csproj");
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string CodeFile => Path.Combine(Directory, "edge", "index.js");

    public string StampFile => Path.Combine(Directory, "obj", Path.GetFileName(ProjectFile) + ".esa-stage.json");

    /// <summary>Gets variables every build of this project gets (credentials, CI variables).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Creates the project.</summary>
    /// <param name="name">The project name.</param>
    /// <param name="properties">Lines inside the project's <c>PropertyGroup</c>.</param>
    /// <param name="items">Lines inside an extra <c>ItemGroup</c>.</param>
    /// <param name="packageVersion">The EsaStageTask version; the feed's when <see langword="null"/>.</param>
    public static async Task<ConsumerProject> CreateAsync(string name, string properties, string items = "",
        string? packageVersion = null)
    {
        var feed = await PackageFeed.GetAsync();
        var directory = Path.Combine(feed.Root, "consumers", $"{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "edge"));
        File.WriteAllText(Path.Combine(directory, "edge", "index.js"), Code);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="esastage-test-feed" value="{feed.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        var project = new ConsumerProject(feed, directory, name);
        project.WriteProject(properties, items, packageVersion ?? feed.Version);
        return project;
    }

    public void WriteProject(string properties, string items, string packageVersion) =>
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EsaStageTask" Version="{packageVersion}" />
            {items}
              </ItemGroup>
            </Project>
            """);

    /// <summary>Runs <c>dotnet build</c> on the project with the given arguments; no build node outlives it.</summary>
    public Task<DotnetRun> BuildAsync(params string[] arguments) =>
        DotnetProcess.RunAsync(["build", ProjectFile, "-nodeReuse:false", "--disable-build-servers", .. arguments],
            Directory, BuildEnvironment());

    /// <summary>
    /// Runs <c>dotnet build</c> in worker nodes that stay for the next build with the same salt, as a developer's
    /// machine does. The caller ends the nodes (<see cref="BuildNodes.EndAll"/>).
    /// </summary>
    public Task<DotnetRun> BuildInReusedNodesAsync(string handshakeSalt, params string[] arguments)
    {
        var environment = BuildEnvironment();
        environment["MSBUILDDISABLENODEREUSE"] = "0";
        environment["MSBUILDNOINPROCNODE"] = "1";
        environment[BuildNodes.SaltVariable] = handshakeSalt;
        return DotnetProcess.RunAsync(["build", ProjectFile, "-nodeReuse:true", .. arguments], Directory,
            environment);
    }

    private Dictionary<string, string> BuildEnvironment() => new(Environment)
    {
        ["NUGET_PACKAGES"] = _feed.PackagesDirectory,
    };

    /// <summary>Reads the JSON that several <c>-getProperty</c> switches print.</summary>
    public static Dictionary<string, string> Properties(DotnetRun run)
    {
        var json = run.Stdout[run.Stdout.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Properties").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }
}
