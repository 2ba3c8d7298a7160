using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EsaStage.Tests.Shared;

namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>
/// Runs the task's handler with <c>node</c> the way the Azure Pipelines agent runs a Node task: every input of
/// <c>task.json</c> as <c>INPUT_&lt;NAME&gt;</c> (defaults applied, file paths rooted in the sources, an empty
/// file path handed over as the sources folder), the service connection as <c>ENDPOINT_*</c> variables, the job's
/// variables as environment variables, and the sources folder as the working directory.
/// </summary>
/// <remarks>
/// The environment starts from the test process's own, cleaned of CI, agent and credential variables, so a test run
/// inside a real pipeline can neither write to it nor use its credentials.
/// </remarks>
internal sealed class AgentRun(TaskWorkspace workspace)
{
    private static readonly string[] SterilizedPrefixes =
    [
        "ALIBABA_CLOUD_", "ESA_", "GITHUB_", "ACTIONS_", "RUNNER_", "TF_BUILD", "SYSTEM_", "BUILD_", "AGENT_",
        "RELEASE_", "INPUT_", "ENDPOINT_", "SECRET_", "SECUREFILE_", "VSTS_", "TASK_",
    ];

    private readonly Dictionary<string, string> _inputs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the task folder: the repository's, or a copy laid out as in the extension.</summary>
    public string TaskDirectory { get; set; } = TaskPaths.Task;

    public AgentRun Input(string name, string value)
    {
        _inputs[name] = value;
        return this;
    }

    /// <summary>Sets a pipeline variable, visible to the task as an environment variable.</summary>
    public AgentRun Variable(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Sets an environment variable of the step, as an <c>env:</c> mapping does.</summary>
    public AgentRun Environment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>Selects an Alibaba Cloud ESA service connection with these credentials.</summary>
    public AgentRun Connection(string accessKeyId, string accessKeySecret, string? securityToken = null)
    {
        var id = Guid.NewGuid().ToString();
        var parameters = new JsonObject { ["username"] = accessKeyId, ["password"] = accessKeySecret };
        if (securityToken is not null)
        {
            parameters["securityToken"] = securityToken;
        }

        _environment[$"ENDPOINT_URL_{id}"] = "https://esa.cn-hangzhou.aliyuncs.com/";
        _environment[$"ENDPOINT_AUTH_{id}"] =
            new JsonObject { ["parameters"] = parameters, ["scheme"] = "UsernamePassword" }.ToJsonString();
        _environment[$"ENDPOINT_AUTH_SCHEME_{id}"] = "UsernamePassword";
        foreach (var (name, value) in parameters)
        {
            _environment[$"ENDPOINT_AUTH_PARAMETER_{id}_{name.ToUpperInvariant()}"] = value!.GetValue<string>();
        }

        _environment[$"ENDPOINT_DATA_{id}"] = "{}";
        return Input("esaConnection", id);
    }

    public async Task<TaskRunResult> RunAsync()
    {
        var start = new ProcessStartInfo("node", [Path.Combine(TaskDirectory, "index.js")])
        {
            WorkingDirectory = workspace.Sources,
        };

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (SterilizedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        CredentialIsolation.ApplyTo(start.Environment);
        var variables = AgentVariables();
        foreach (var (name, value) in variables)
        {
            start.Environment[name.Replace('.', '_').ToUpperInvariant()] = value;
        }

        start.Environment["VSTS_PUBLIC_VARIABLES"] = JsonSerializer.Serialize(variables.Keys.ToArray());
        foreach (var (name, value) in Inputs())
        {
            start.Environment[$"INPUT_{name.ToUpperInvariant()}"] = value;
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        return new TaskRunResult(await ProcessRun.RunAsync(start));
    }

    private Dictionary<string, string> AgentVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["TF_BUILD"] = "True",
            ["Agent.Version"] = "4.266.2",
            ["Agent.TempDirectory"] = workspace.Temp,
            ["Agent.ToolsDirectory"] = workspace.Tools,
            ["Agent.WorkFolder"] = workspace.Root,
            ["Agent.OS"] = "Linux",
            ["System.DefaultWorkingDirectory"] = workspace.Sources,
            ["System.HostType"] = "build",
            ["System.Culture"] = "en-US",
            ["Build.SourcesDirectory"] = workspace.Sources,
        };
        foreach (var (name, value) in _variables)
        {
            variables[name] = value;
        }

        return variables;
    }

    private Dictionary<string, string> Inputs()
    {
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(TaskDirectory, "task.json")))!["inputs"]!
            .AsArray()
            .ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!, StringComparer.OrdinalIgnoreCase);
        var unknown = _inputs.Keys.Where(k => !declared.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"task.json declares no input {string.Join(", ", unknown)}.");
        }

        var inputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, definition) in declared)
        {
            var value = _inputs.GetValueOrDefault(name) ?? definition["defaultValue"]?.GetValue<string>() ?? "";
            inputs[name] = definition["type"]!.GetValue<string>() == "filePath" ? RootFilePath(value) : value;
        }

        return inputs;
    }

    // The agent's TranslateFilePathInput: a rooted path is made full; anything else, empty included, is rooted
    // in the sources folder.
    private string RootFilePath(string value) =>
        Path.IsPathRooted(value) ? Path.GetFullPath(value) : Path.GetFullPath(Path.Combine(workspace.Sources, value));
}
