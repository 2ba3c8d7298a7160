using YamlDotNet.RepresentationModel;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Action;

/// <summary>The repository's <c>action.yml</c>, read with a YAML parser as the runner reads it.</summary>
internal sealed class ActionDefinition
{
    private ActionDefinition(YamlMappingNode root)
    {
        Root = root;
        Inputs = Map(root, "inputs").Children.ToDictionary(
            i => Scalar(i.Key),
            i => ((YamlMappingNode)i.Value).Children.TryGetValue("default", out var value) ? Scalar(value) : "");
        Outputs = Map(root, "outputs").Children.ToDictionary(
            o => Scalar(o.Key), o => Scalar(((YamlMappingNode)o.Value).Children["value"]));
        var runs = Map(root, "runs");
        Using = Scalar(runs.Children["using"]);
        Steps = [.. ((YamlSequenceNode)runs.Children["steps"]).Children.Cast<YamlMappingNode>()
            .Select(ActionStep.Read)];
    }

    public static string Path => System.IO.Path.Combine(RepositoryPaths.Root, "action.yml");

    public YamlMappingNode Root { get; }

    /// <summary>Gets each input's name and default.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; }

    /// <summary>Gets each output's name and value expression.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }

    public string Using { get; }

    public IReadOnlyList<ActionStep> Steps { get; }

    public static ActionDefinition Load()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path))
        {
            yaml.Load(reader);
        }

        return new ActionDefinition((YamlMappingNode)yaml.Documents.Single().RootNode);
    }

    internal static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];
}
