using EsaStage.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EsaStage.Emulator.Tests.Esa;

[TestClass]
public sealed class EsaResponsesTests
{
    [TestMethod]
    public async Task ErrorAnswer_CarriesADateHeader()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.CallAsync("GetRoutine", ("Name", "no-such-routine"));

        Assert.AreEqual(400, answer.Status);
        Assert.IsNotNull(answer.Headers.Date);
        Assert.IsLessThan(TimeSpan.FromMinutes(1), (answer.Headers.Date.Value - DateTimeOffset.UtcNow).Duration());
    }

    [TestMethod]
    public async Task ErrorAnswer_DateHeaderComesFromTheEmulatorsClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            Routines = ["hello"], TimeProvider = time,
        });

        var answer = await harness.CallAsync("GetRoutine", ("Name", "no-such-routine"));

        Assert.AreEqual(400, answer.Status);
        Assert.AreEqual(time.GetUtcNow(), answer.Headers.Date);
    }
}
