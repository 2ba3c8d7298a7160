namespace EsaStage.Cli.Tests.TestSupport;

/// <summary>The answer a <see cref="LoopbackServer"/> handler gives: a status and a JSON body.</summary>
internal sealed record LoopbackAnswer(int Status, string Json);
