namespace EsaStage.Emulator.Oss;

/// <summary>What a checked form allows: the object key, the size range and the callback to make.</summary>
/// <param name="Key">The object key.</param>
/// <param name="MinBytes">The smallest file allowed.</param>
/// <param name="MaxBytes">The largest file allowed.</param>
/// <param name="Callback">The callback; <see langword="null"/> when the form has none.</param>
internal sealed record UploadGrant(string Key, long MinBytes, long MaxBytes, CallbackSpec? Callback);
