namespace EsaStage.Emulator.State;

/// <summary>The routine's staging code: the last upload whose OSS callback succeeded.</summary>
/// <param name="CodeVersion">The CodeVersion that <c>GetRoutineStagingCodeUploadInfo</c> issued for the upload.</param>
/// <param name="Description">The decoded <c>x:codeDescription</c> of the upload.</param>
/// <param name="UploadTime">When the callback registered the upload.</param>
/// <param name="Length">The code's length in bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the code.</param>
public sealed record StagingCodeSnapshot(
    string CodeVersion, string Description, DateTimeOffset UploadTime, long Length, string Sha256);
