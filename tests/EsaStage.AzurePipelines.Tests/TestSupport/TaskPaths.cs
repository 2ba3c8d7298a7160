using EsaStage.Tests.Shared;

namespace EsaStage.AzurePipelines.Tests.TestSupport;

/// <summary>Where the Azure Pipelines extension and its task live in the repository.</summary>
internal static class TaskPaths
{
    public static string Extension => Path.Combine(RepositoryPaths.Root, "src", "EsaStage.AzurePipelines");

    public static string Task => Path.Combine(Extension, "EsaStageRoutine");

    public static string TaskManifest => Path.Combine(Task, "task.json");

    public static string ExtensionManifest => Path.Combine(Extension, "vss-extension.json");

    public static string SampleCode => RepositoryPaths.SampleCode;
}
