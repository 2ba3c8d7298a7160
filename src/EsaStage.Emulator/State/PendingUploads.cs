namespace EsaStage.Emulator.State;

/// <summary>Issued upload forms by object key, until their callback arrives or they expire. Thread-safe.</summary>
internal sealed class PendingUploads
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingUpload> _byKey = new(StringComparer.Ordinal);

    public void Add(PendingUpload upload)
    {
        lock (_gate)
        {
            _byKey[upload.ObjectKey] = upload;
        }
    }

    /// <summary>Removes and returns the live upload for <paramref name="objectKey"/>, if any.</summary>
    public PendingUpload? Take(string objectKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var expired in _byKey.Values.Where(p => p.ExpiresAt < now).ToList())
            {
                _byKey.Remove(expired.ObjectKey);
            }

            return _byKey.Remove(objectKey, out var upload) ? upload : null;
        }
    }

    /// <summary>Puts back an upload whose registration failed, so that a corrected retry can still register.</summary>
    public void Restore(PendingUpload upload) => Add(upload);
}
