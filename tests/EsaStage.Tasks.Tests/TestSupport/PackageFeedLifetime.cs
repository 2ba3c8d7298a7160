namespace EsaStage.Tasks.Tests.TestSupport;

[TestClass]
public static class PackageFeedLifetime
{
    [AssemblyCleanup]
    public static void DeletePackageFeed() => PackageFeed.DeleteIfCreated();
}
