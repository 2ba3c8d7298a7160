namespace EsaStage.Emulator;

/// <summary>One request the emulator received, as the server saw it, with the outcome it answered.</summary>
/// <remarks>
/// Uploaded file bytes are never kept (uploads may be 100 MB); an upload keeps the file's length and SHA-256.
/// Header order is the order in which the server enumerates the headers, which for well-known headers may differ
/// from the order on the wire.
/// </remarks>
public sealed record RecordedRequest
{
    /// <summary>Gets the position of this request in arrival order, starting at 1.</summary>
    public long Sequence { get; internal init; }

    /// <summary>Gets the part of the emulator that received the request.</summary>
    public RequestTarget Target { get; internal init; }

    /// <summary>Gets when the request arrived, by the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; internal init; }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; internal init; } = string.Empty;

    /// <summary>Gets the request path.</summary>
    public string Path { get; internal init; } = string.Empty;

    /// <summary>Gets the query string as received, without the leading <c>?</c>; empty when there is none.</summary>
    public string RawQuery { get; internal init; } = string.Empty;

    /// <summary>Gets the request headers as (name, value) pairs; a repeated header gives one pair per value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; internal init; } = [];

    /// <summary>Gets the <c>Content-Length</c> header; <see langword="null"/> when absent (e.g. chunked).</summary>
    public long? ContentLength { get; internal init; }

    /// <summary>Gets a value indicating whether the body came with <c>Transfer-Encoding: chunked</c>.</summary>
    public bool IsChunked { get; internal init; }

    /// <summary>Gets the HTTP status the emulator answered; 0 when the connection was dropped on purpose.</summary>
    public int StatusCode { get; internal init; }

    /// <summary>Gets the error code the emulator answered (ESA <c>Code</c> or OSS <c>Code</c>), if any.</summary>
    public string? ErrorCode { get; internal init; }

    /// <summary>Gets the body bytes of an ESA API, callback or admin request; empty for OSS uploads.</summary>
    public ReadOnlyMemory<byte> Body { get; internal init; }

    /// <summary>Gets the <c>x-acs-action</c> header of an ESA API request.</summary>
    public string? Action { get; internal init; }

    /// <summary>Gets the decoded parameters of an ESA API request: query first, then the form body.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; internal init; } = [];

    /// <summary>Gets the text fields of an OSS upload form, in order, without the file.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields { get; internal init; } = [];

    /// <summary>Gets the file part's <c>Content-Disposition</c> value as received, for an OSS upload.</summary>
    public string? FileContentDisposition { get; internal init; }

    /// <summary>Gets the file part's <c>Content-Type</c> as received; <see langword="null"/> when absent.</summary>
    public string? FileContentType { get; internal init; }

    /// <summary>Gets the number of file bytes an OSS upload received; <see langword="null"/> without a file.</summary>
    public long? FileLength { get; internal init; }

    /// <summary>Gets the lowercase hex SHA-256 of the uploaded file; <see langword="null"/> if incomplete.</summary>
    public string? FileSha256 { get; internal init; }
}
