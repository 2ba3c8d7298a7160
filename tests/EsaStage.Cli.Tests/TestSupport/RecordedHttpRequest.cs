namespace EsaStage.Cli.Tests.TestSupport;

/// <summary>One request a <see cref="LoopbackServer"/> received, as it arrived.</summary>
internal sealed record RecordedHttpRequest(string Method, string Path, string Query,
    IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
