namespace EsaStage.Core.Oss;

/// <summary>How much of the code file has been sent.</summary>
/// <param name="BytesSent">Bytes of the code file sent so far.</param>
/// <param name="TotalBytes">The code file's size.</param>
public readonly record struct UploadProgress(long BytesSent, long TotalBytes);
