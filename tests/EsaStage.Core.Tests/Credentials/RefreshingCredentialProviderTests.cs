using EsaStage.Core.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Core.Tests.Credentials;

[TestClass]
public sealed class RefreshingCredentialProviderTests
{
    [TestMethod]
    public async Task GetCredentialAsync_HourLongCredential_RefreshesFifteenMinutesBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var issued = 0;
        using var provider = new RefreshingCredentialProvider(_ => Task.FromResult(new AccessKeyCredential(
            $"STS.{++issued}", "secret", "token") { Expiration = time.GetUtcNow().AddHours(1) }), time);

        var first = await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(44));
        var beforeStale = await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterStale = await provider.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual("STS.1", first.AccessKeyId);
        Assert.AreEqual("STS.1", beforeStale.AccessKeyId);
        Assert.AreEqual("STS.2", afterStale.AccessKeyId);
        Assert.AreEqual(2, provider.FetchCount);
    }

    [TestMethod]
    public async Task GetCredentialAsync_ShortCredential_RefreshesAtHalfItsLife()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var provider = new RefreshingCredentialProvider(_ => Task.FromResult(new AccessKeyCredential(
            "STS.x", "secret", "token") { Expiration = time.GetUtcNow().AddMinutes(20) }), time);

        await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        await provider.GetCredentialAsync(CancellationToken.None);
        Assert.AreEqual(1, provider.FetchCount);
        time.Advance(TimeSpan.FromMinutes(2));
        await provider.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual(2, provider.FetchCount);
    }

    [TestMethod]
    public async Task GetCredentialAsync_RefreshFails_KeepsTheValidCredentialThenFailsOnceExpired()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var fail = false;
        using var provider = new RefreshingCredentialProvider(_ => fail
            ? throw new EsaStageException(ErrorCodes.CredentialSourceFailed, "STS is down.")
            : Task.FromResult(new AccessKeyCredential("STS.x", "secret", "token")
            {
                Expiration = time.GetUtcNow().AddHours(1),
            }), time);

        await provider.GetCredentialAsync(CancellationToken.None);
        fail = true;
        time.Advance(TimeSpan.FromMinutes(50));
        var kept = await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(11));

        Assert.AreEqual("STS.x", kept.AccessKeyId);
        var error = await Assert.ThrowsAsync<EsaStageException>(
            async () => await provider.GetCredentialAsync(CancellationToken.None));
        Assert.AreEqual("STS is down.", error.Message);
    }

    [TestMethod]
    public async Task GetCredentialAsync_NoExpiration_IsFetchedOnce()
    {
        var time = new FakeTimeProvider();
        using var provider = new RefreshingCredentialProvider(
            _ => Task.FromResult(new AccessKeyCredential("id", "secret")), time);

        await provider.GetCredentialAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(30));
        await provider.GetCredentialAsync(CancellationToken.None);

        Assert.AreEqual(1, provider.FetchCount);
    }
}
