namespace EsaStage.Emulator.Esa;

/// <summary>Ends the handling of an ESA request with an <see cref="EsaError"/> response.</summary>
internal sealed class EsaException(EsaError error) : Exception(error.Code + ": " + error.Message)
{
    public EsaError Error { get; } = error;
}
