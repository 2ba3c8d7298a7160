namespace EsaStage.Core; internal static class Placeholder { }
