using EsaStage.Cli.GitHub;

namespace EsaStage.Cli.Tests.GitHub;

[TestClass]
public sealed class PullRequestCommentTests
{
    [TestMethod]
    [DataRow("<!-- esa-stage routine=\"hello\" -->\n### ESA routine staged", "hello", true)]
    [DataRow("<!-- esa-stage routine=\"hello\" -->\r\n### edited on the web", "hello", true)]
    [DataRow("<!-- esa-stage routine=\"hello-routine\" -->\n###", "hello", false)]
    [DataRow("Quoting it: <!-- esa-stage routine=\"hello\" -->", "hello", false)]
    [DataRow(null, "hello", false)]
    public void IsFor_Body_MatchesOnlyTheRoutinesOwnMarkerAtTheStart(string? body, string routine, bool expected) =>
        Assert.AreEqual(expected, PullRequestComment.IsFor(body, routine));
}
