using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EsaStage.AzurePipelines.Tests.TestSupport;
using EsaStage.Tests.Shared;
using EsaStage.Core;
using EsaStage.Core.Ci;
using EsaStage.Core.Staging;

namespace EsaStage.AzurePipelines.Tests;

/// <summary><c>task.json</c> and <c>vss-extension.json</c> held to the handler and the tool they describe.</summary>
[TestClass]
public sealed class TaskManifestTests
{
    // Agents and pipelines know the task by this id: it never changes.
    private const string TaskId = "7804d2e1-561f-46b6-9fb0-72c1ef62f12a";

    private static readonly JsonNode Task = JsonNode.Parse(File.ReadAllText(TaskPaths.TaskManifest))!;

    private static readonly JsonNode Extension = JsonNode.Parse(File.ReadAllText(TaskPaths.ExtensionManifest))!;

    [TestMethod]
    public void TaskJson_Id_IsTheTasksFixedId()
    {
        Assert.AreEqual(TaskId, Task["id"]!.GetValue<string>());
    }

    [TestMethod]
    public void TaskJson_Name_IsTheFolderTheExtensionShips()
    {
        var name = Task["name"]!.GetValue<string>();

        Assert.AreEqual(Path.GetFileName(TaskPaths.Task), name);
        Assert.AreEqual(name, Contribution("ms.vss-distributed-task.task")["properties"]!["name"]!.GetValue<string>());
        Assert.Contains(name, Extension["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()));
    }

    [TestMethod]
    public void TaskJson_Execution_RunsTheHandlerOnNode20AndNode24()
    {
        var execution = Task["execution"]!.AsObject();

        CollectionAssert.AreEquivalent(new[] { "Node20_1", "Node24" }, execution.Select(e => e.Key).ToArray());
        foreach (var (_, handler) in execution)
        {
            Assert.IsTrue(File.Exists(Path.Combine(TaskPaths.Task, handler!["target"]!.GetValue<string>())));
        }

        // The first agent with the Node20_1 handler; an agent that also has Node24 picks that.
        Assert.AreEqual("3.232.1", Task["minimumAgentVersion"]!.GetValue<string>());
    }

    [TestMethod]
    public void TaskJson_OutputVariables_AreTheVariablesTheToolSets()
    {
        var declared = Task["outputVariables"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToArray();

        var setByTool = typeof(AzurePipelinesSink.Outputs).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        CollectionAssert.AreEquivalent(setByTool, declared);
        foreach (var name in declared)
        {
            Assert.MatchesRegex("^[A-Za-z][A-Za-z0-9]*$", name);
        }
    }

    [TestMethod]
    public async Task TaskJson_Inputs_AreExactlyTheInputsTheHandlerReads()
    {
        using var workspace = new TaskWorkspace();

        // With no inputs the task fails, but only after reading every input it has.
        var run = await new AgentRun(workspace).RunAsync();

        Assert.AreEqual("Failed", run.Result, run.ToString());
        CollectionAssert.AreEquivalent(InputNames(), run.InputsRead.ToArray(), run.ToString());
    }

    [TestMethod]
    public void TaskJson_ConnectionInput_IsTheExtensionsServiceConnectionType()
    {
        var connection = Input("esaConnection");
        var endpointType = Contribution("ms.vss-endpoint.service-endpoint-type")["properties"]!["name"]!;

        Assert.AreEqual($"connectedService:{endpointType.GetValue<string>()}", connection["type"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task ExtensionManifest_ConnectionFields_AreTheOnesTheHandlerReads()
    {
        var scheme = Contribution("ms.vss-endpoint.service-endpoint-type")["properties"]!["authenticationSchemes"]!
            .AsArray().Single()!;
        var fields = scheme["inputDescriptors"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToArray();

        var read = await HandlerModule.EvaluateAsync("connection.js", "Object.values(m.CONNECTION_FIELDS)");

        CollectionAssert.AreEquivalent(read!.AsArray().Select(f => f!.GetValue<string>()).ToArray(), fields);
        var confidential = scheme["inputDescriptors"]!.AsArray()
            .Where(d => d!["isConfidential"]?.GetValue<bool>() == true)
            .Select(d => d!["id"]!.GetValue<string>());
        CollectionAssert.AreEquivalent(new[] { "password", "securityToken" }, confidential.ToArray());
    }

    [TestMethod]
    public void TaskJson_PublishOptions_AreTheToolsEnvironmentsAndNone()
    {
        var options = Input("publish")["options"]!.AsObject().Select(o => o.Key).ToArray();

        var environments = Enum.GetValues<PublishEnvironment>().Select(e => e.ToApiName());
        CollectionAssert.AreEquivalent(environments.Append("none").ToArray(), options);
        Assert.AreEqual("none", Input("publish")["defaultValue"]!.GetValue<string>());
    }

    [TestMethod]
    public void TaskJson_InstanceNameFormat_NamesDeclaredInputs()
    {
        var format = Task["instanceNameFormat"]!.GetValue<string>();

        var referenced = Regex.Matches(format, @"\$\(([^)]+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.IsNotEmpty(referenced);
        CollectionAssert.IsSubsetOf(referenced, InputNames());
    }

    [TestMethod]
    public async Task Handler_ErrorCodes_AreProductCodes()
    {
        var handlerCodes = await HandlerModule.EvaluateAsync("taskError.js", "Object.values(m.ErrorCodes)");

        var productCodes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        CollectionAssert.IsSubsetOf(handlerCodes!.AsArray().Select(c => c!.GetValue<string>()).ToArray(), productCodes);
    }

    [TestMethod]
    public void ExtensionManifest_Version_IsTheProductVersion()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var productVersion = props.Descendants("Version").Single().Value;

        Assert.AreEqual(productVersion, Extension["version"]!.GetValue<string>());
    }

    [TestMethod]
    public void Readme_TaskReference_UsesTheTasksMajorVersion()
    {
        var major = Task["version"]!["Major"]!.GetValue<int>();
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var references = Regex.Matches(readme, @"EsaStageRoutine@(\d+)").Select(m => int.Parse(m.Groups[1].Value));
        Assert.IsNotEmpty(references);
        Assert.IsTrue(references.All(r => r == major), $"README should use EsaStageRoutine@{major}.");
    }

    [TestMethod]
    public void ExtensionManifest_Files_AreInTheRepository()
    {
        foreach (var file in Extension["files"]!.AsArray())
        {
            Assert.IsTrue(Path.Exists(Path.Combine(TaskPaths.Extension, file!["path"]!.GetValue<string>())));
        }

        var icon = Extension["icons"]!["default"]!.GetValue<string>();
        var details = Extension["content"]!["details"]!["path"]!.GetValue<string>();
        Assert.IsTrue(File.Exists(Path.Combine(TaskPaths.Extension, icon)));
        Assert.IsTrue(File.Exists(Path.Combine(TaskPaths.Extension, details)));
    }

    [TestMethod]
    [DataRow("EsaStageRoutine")]
    [DataRow("")]
    public void PackageLock_Packages_ArePinnedAndNameNoRegistry(string folder)
    {
        var directory = Path.Combine(TaskPaths.Extension, folder);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "package.json")))!;
        var lockText = File.ReadAllText(Path.Combine(directory, "package-lock.json"));

        var dependencies = (manifest["dependencies"] ?? manifest["devDependencies"])!.AsObject();
        foreach (var (name, version) in dependencies)
        {
            Assert.MatchesRegex(@"^\d+\.\d+\.\d+$", version!.GetValue<string>(), name);
        }

        // npm ci takes each package from the machine's configured registry: the lock names no download address.
        // The only addresses left are the packages' funding pages.
        var lockFile = JsonNode.Parse(lockText)!;
        Assert.AreEqual(3, lockFile["lockfileVersion"]!.GetValue<int>());
        foreach (var (name, package) in lockFile["packages"]!.AsObject())
        {
            Assert.IsNull(package!["resolved"], name);
            var withoutFunding = package.DeepClone().AsObject();
            withoutFunding.Remove("funding");
            Assert.DoesNotContain("://", withoutFunding.ToJsonString(), name);
        }
    }

    private static string[] InputNames() =>
        [.. Task["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())];

    private static JsonNode Input(string name) =>
        Task["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!;

    private static JsonNode Contribution(string type) =>
        Extension["contributions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == type)!;
}
