using YamlDotNet.RepresentationModel;

namespace EsaStage.Cli.Tests.Action;

/// <summary>One step of the composite action.</summary>
internal sealed record ActionStep(string? Id, string Name, string? Shell, string? If,
    IReadOnlyDictionary<string, string> Env, string? Run, string? Uses)
{
    public static ActionStep Read(YamlMappingNode step)
    {
        string? Get(string key) =>
            step.Children.TryGetValue(key, out var value) ? ActionDefinition.Scalar(value) : null;

        var env = step.Children.TryGetValue("env", out var map)
            ? ((YamlMappingNode)map).Children.ToDictionary(e => ActionDefinition.Scalar(e.Key),
                e => ActionDefinition.Scalar(e.Value))
            : [];
        return new ActionStep(Get("id"), Get("name") ?? "", Get("shell"), Get("if"), env, Get("run"), Get("uses"));
    }
}
