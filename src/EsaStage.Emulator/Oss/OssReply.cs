namespace EsaStage.Emulator.Oss;

/// <summary>An OSS answer, decided before it is written so that the request is recorded first.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The body's content type; <see langword="null"/> without a body.</param>
/// <param name="Body">The body; <see langword="null"/> for none.</param>
/// <param name="ErrorCode">The OSS error code, if any.</param>
/// <param name="ETag">The stored object's ETag (unquoted), when an object was stored.</param>
internal sealed record OssReply(int Status, string? ContentType, string? Body, string? ErrorCode, string? ETag);
