using System.Text.Json;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>The answer of <c>GetRoutineStagingCodeUploadInfo</c>: the CodeVersion and the form to post.</summary>
internal sealed record UploadForm(string CodeVersion, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static readonly string[] CliFieldOrder =
        ["OSSAccessKeyId", "Signature", "callback", "x:codeDescription", "policy", "key"];

    public string this[string name] => Fields.Single(f => f.Key == name).Value;

    public static UploadForm From(JsonElement response)
    {
        var config = response.GetProperty("OssPostConfig");
        var fields = config.EnumerateObject()
            .Where(p => p.Name != "Url")
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))
            .ToList();
        return new UploadForm(response.GetProperty("CodeVersion").GetString()!,
            new Uri(config.GetProperty("Url").GetString()!), fields);
    }

    /// <summary>The form in the ESA CLI's field order with <paramref name="code"/> as the last part.</summary>
    public MultipartBody ToMultipart(byte[] code, Func<string, string, string>? alter = null)
    {
        var body = new MultipartBody();
        foreach (var name in CliFieldOrder)
        {
            body.Field(name, alter is null ? this[name] : alter(name, this[name]));
        }

        return body.File(code);
    }
}
