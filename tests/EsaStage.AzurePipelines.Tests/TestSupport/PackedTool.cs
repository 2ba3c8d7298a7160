namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>A packed esa-stage tool: the pointer package and the runtime packages it points at.</summary>
/// <param name="Folder">The package folder (a NuGet source).</param>
/// <param name="Packages">Every <c>.nupkg</c> file in the folder.</param>
/// <param name="Version">The package version.</param>
internal sealed record PackedTool(string Folder, IReadOnlyList<string> Packages, string Version);
