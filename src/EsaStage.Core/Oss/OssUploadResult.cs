namespace EsaStage.Core.Oss;

/// <summary>A completed upload.</summary>
/// <param name="HttpStatus">The status OSS answered (200, or 204 for a form without callback).</param>
/// <param name="RequestId">The OSS request id, when given.</param>
/// <param name="Bytes">The number of code bytes sent.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the code bytes sent.</param>
public sealed record OssUploadResult(int HttpStatus, string? RequestId, long Bytes, string Sha256);
