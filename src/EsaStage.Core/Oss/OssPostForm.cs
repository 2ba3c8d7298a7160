namespace EsaStage.Core.Oss;

/// <summary>
/// The upload form ESA issued (<c>OssPostConfig</c>), checked and ready to post: the target URL and the text
/// fields, in the order received, with names and values exactly as issued.
/// </summary>
public sealed class OssPostForm
{
    private OssPostForm(Uri url, IReadOnlyList<KeyValuePair<string, string>> fields, string key)
    {
        Url = url;
        Fields = fields;
        Key = key;
        PolicyExpiration = UploadPolicy.ReadExpiration(Find(fields, "policy"));
    }

    /// <summary>Gets the URL to post to.</summary>
    public Uri Url { get; }

    /// <summary>Gets the text fields to send before <c>file</c>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>Gets the object key the upload is stored under.</summary>
    public string Key { get; }

    /// <summary>
    /// Gets when the form's policy expires (its <c>expiration</c>), after which OSS refuses the form;
    /// <see langword="null"/> when the form has no readable policy.
    /// </summary>
    public DateTimeOffset? PolicyExpiration { get; }

    /// <summary>Gets whether the form asks OSS to call back into ESA (so only HTTP 200 is success).</summary>
    public bool HasCallback => Fields.Any(f => f.Key == "callback");

    /// <summary>Builds the form from an <c>OssPostConfig</c>.</summary>
    /// <param name="config">The config entries, in the order ESA sent them.</param>
    /// <returns>The form.</returns>
    /// <remarks>
    /// Every entry but <c>Url</c> is forwarded unchanged. The only renames are the ones the official ESA CLI makes
    /// for the PascalCase shape of the related assets API (<c>Key</c>, <c>Policy</c>, <c>XOssSecurityToken</c>),
    /// applied only when the lowercase field is absent, so a form is never sent without <c>key</c> or
    /// <c>policy</c>.
    /// </remarks>
    /// <exception cref="EsaStageException">The config lacks what an upload needs.</exception>
    public static OssPostForm FromConfig(IReadOnlyList<KeyValuePair<string, string>> config)
    {
        ArgumentNullException.ThrowIfNull(config);

        var url = Find(config, "Url") ?? throw Unexpected("it has no Url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Unexpected("its Url is not an http or https address");
        }

        var hasKey = Find(config, "key") is not null;
        var hasPolicy = Find(config, "policy") is not null;
        var fields = new List<KeyValuePair<string, string>>(config.Count);
        foreach (var (name, value) in config)
        {
            var formName = name switch
            {
                "Url" => null,
                "Key" when !hasKey => "key",
                "Policy" when !hasPolicy => "policy",
                "XOssSecurityToken" => "x-oss-security-token",
                _ => name,
            };

            if (formName == "file")
            {
                throw Unexpected("it has an entry named 'file', which would clash with the code part");
            }

            if (formName is not null)
            {
                fields.Add(new(formName, value));
            }
        }

        var key = Find(fields, "key");
        if (string.IsNullOrEmpty(key))
        {
            throw Unexpected("it has no 'key' field");
        }

        var credentialFields = new[] { "OSSAccessKeyId", "policy", "Signature" };
        var present = credentialFields.Count(n => Find(fields, n) is not null);
        if (present is not 0 and not 3)
        {
            throw Unexpected("it has only part of the OSSAccessKeyId, policy and Signature fields");
        }

        return new OssPostForm(uri, fields, key);
    }

    private static string? Find(IEnumerable<KeyValuePair<string, string>> entries, string name) =>
        entries.FirstOrDefault(e => e.Key == name).Value;

    private static EsaStageException Unexpected(string what) =>
        new(ErrorCodes.UnexpectedUploadForm,
            $"The upload form from GetRoutineStagingCodeUploadInfo cannot be used: {what}. Nothing was uploaded.");
}
