namespace EsaStage.Emulator.Esa;

/// <summary>An ESA answer ready to write: the JSON body, the error code if any, and a retry hint.</summary>
/// <param name="Body">The JSON bytes.</param>
/// <param name="ErrorCode">The error <c>Code</c>; <see langword="null"/> on success.</param>
/// <param name="RetryAfter">The <c>x-acs-retry-after</c> value, if any.</param>
internal sealed record EsaAnswer(byte[] Body, string? ErrorCode, string? RetryAfter);
