namespace EsaStage.Emulator.Tests; [TestClass] public sealed class SmokeTests { [TestMethod] public void Smoke_Always_Passes() => Assert.IsTrue(true); }
