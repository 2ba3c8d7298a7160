namespace EsaStage.AzurePipelines.Tests.TestSupport;

[TestClass]
public static class TestRunCleanup
{
    [AssemblyCleanup]
    public static void DeletePackedTool() => ToolPackage.Delete();
}
