namespace EsaStage.Core.Tests.TestSupport;

/// <summary>One request a <see cref="LoopbackServer"/> received; header names in lowercase.</summary>
internal sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);
