namespace EsaStage.Emulator; internal static class Placeholder { }
