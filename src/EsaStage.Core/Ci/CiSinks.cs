namespace EsaStage.Core.Ci;

/// <summary>Finds the CI system a process runs under.</summary>
public static class CiSinks
{
    /// <summary>Chooses the sink from the environment: <c>GITHUB_ACTIONS=true</c> or <c>TF_BUILD=True</c>.</summary>
    /// <param name="getVariable">Reads an environment variable.</param>
    /// <param name="commands">Where the step's commands are written.</param>
    /// <returns>The sink; <see cref="NoCiSink"/> outside CI.</returns>
    public static ICiSink Detect(Func<string, string?> getVariable, TextWriter commands)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(commands);

        if (string.Equals(getVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new GitHubActionsSink(commands, getVariable);
        }

        if (string.Equals(getVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new AzurePipelinesSink(commands, getVariable);
        }

        return new NoCiSink();
    }
}
