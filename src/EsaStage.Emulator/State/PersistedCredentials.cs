namespace EsaStage.Emulator.State;

/// <summary>Generated credentials kept in the data directory, so a restarted emulator accepts the same keys.</summary>
/// <param name="AccessKeyId">The generated ESA AccessKey ID; <see langword="null"/> when one was given.</param>
/// <param name="AccessKeySecret">The generated ESA secret; <see langword="null"/> when one was given.</param>
/// <param name="OssAccessKeyId">The OSS AccessKey ID that signs upload policies.</param>
/// <param name="OssAccessKeySecret">The OSS secret.</param>
internal sealed record PersistedCredentials(
    string? AccessKeyId, string? AccessKeySecret, string OssAccessKeyId, string OssAccessKeySecret);
