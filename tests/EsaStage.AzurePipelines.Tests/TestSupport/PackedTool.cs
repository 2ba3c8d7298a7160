namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>A packed esa-stage tool.</summary>
/// <param name="Folder">The package folder (a NuGet source).</param>
/// <param name="Package">The <c>.nupkg</c> file.</param>
/// <param name="Version">The package version.</param>
internal sealed record PackedTool(string Folder, string Package, string Version);
