namespace EsaStage.Emulator.Oss;

/// <summary>What has been read of one upload so far, for the request record and the checks that follow.</summary>
internal sealed class UploadProgress
{
    public List<KeyValuePair<string, string>> Fields { get; } = [];

    public string? FileContentDisposition { get; set; }

    public string? FileContentType { get; set; }

    public long? FileLength { get; set; }

    public string? FileSha256 { get; set; }

    /// <summary>The value of a field, matched by exact (case-sensitive) name; the first wins.</summary>
    public string? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Value;

    public bool Has(string name) => Fields.Any(f => string.Equals(f.Key, name, StringComparison.Ordinal));
}
