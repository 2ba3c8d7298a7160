using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>Evaluates an expression over one of the handler's modules with <c>node</c>, JSON in and out.</summary>
internal static class HandlerModule
{
    private const string Marker = "RESULT:";

    /// <summary>Requires <paramref name="module"/> as <c>m</c> and evaluates <paramref name="expression"/>.</summary>
    /// <param name="module">The module's file in the task folder, e.g. <c>untrustedText.js</c>.</param>
    /// <param name="expression">A JavaScript expression over <c>m</c> and <c>input</c>.</param>
    /// <param name="input">The value <c>input</c> holds, serialised as JSON.</param>
    public static async Task<JsonNode?> EvaluateAsync(string module, string expression, object? input = null)
    {
        // Loading task-lib writes debug lines to stdout, so the result travels on a marked line of its own.
        var script =
            $"const m = require({JsonSerializer.Serialize(Path.Combine(TaskPaths.Task, module))});" +
            "let text = '';" +
            "process.stdin.on('data', d => text += d).on('end', () => {" +
            "  const input = JSON.parse(text);" +
            $"  process.stdout.write('\\n{Marker}' + JSON.stringify({expression}) + '\\n');" +
            "});";

        // task-lib keeps a key file in the agent's temporary folder, or else in the working directory.
        var temp = Directory.CreateTempSubdirectory("esa-handler-module-").FullName;
        ProcessRun run;
        try
        {
            var start = new ProcessStartInfo("node", ["-e", script]) { WorkingDirectory = temp };
            start.Environment["AGENT_TEMPDIRECTORY"] = temp;
            run = await ProcessRun.RunAsync(start, JsonSerializer.Serialize(input));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }

        var line = run.Stdout.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (run.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"node could not evaluate {expression}: {run}");
        }

        return JsonNode.Parse(line[Marker.Length..]);
    }
}
