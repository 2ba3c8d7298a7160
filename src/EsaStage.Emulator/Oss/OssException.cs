namespace EsaStage.Emulator.Oss;

/// <summary>Ends the handling of an upload with an <see cref="OssError"/> response.</summary>
internal sealed class OssException(OssError error) : Exception(error.Code + ": " + error.Message)
{
    public OssError Error { get; } = error;
}
