namespace EsaStage.Emulator.Oss;

/// <summary>An object stored by an upload.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the content (its name in the code store).</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="ETag">The ETag OSS reports: the uppercase hex MD5, without quotes.</param>
/// <param name="ContentType">The object's content type.</param>
internal sealed record OssObject(string Key, string Sha256, long Length, string ETag, string ContentType);
