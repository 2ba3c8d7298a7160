namespace EsaStage.Emulator.State;

/// <summary>An upload form issued by <c>GetRoutineStagingCodeUploadInfo</c>, waiting for its OSS callback.</summary>
/// <param name="Routine">The routine name.</param>
/// <param name="CodeVersion">The CodeVersion issued with the form.</param>
/// <param name="ObjectKey">The OSS object key of the form.</param>
/// <param name="Description">The description the form was issued with.</param>
/// <param name="ExpiresAt">After this, a callback for the key is refused.</param>
internal sealed record PendingUpload(
    string Routine, string CodeVersion, string ObjectKey, string Description, DateTimeOffset ExpiresAt);
