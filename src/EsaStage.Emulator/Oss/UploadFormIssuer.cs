using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EsaStage.Emulator.Hosting;

namespace EsaStage.Emulator.Oss;

/// <summary>Builds the <c>OssPostConfig</c> of <c>GetRoutineStagingCodeUploadInfo</c>: a pre-signed form.</summary>
/// <remarks>
/// The policy pins every issued value (<c>key</c>, <c>callback</c>, <c>x:codeDescription</c>), the bucket and the
/// size range, so a client that alters any of them is refused, as a strict real policy would refuse it.
/// </remarks>
internal static class UploadFormIssuer
{
    /// <summary>The callback body: OSS variables, and the form's <c>x:codeDescription</c>.</summary>
    public const string CallbackBody =
        "bucket=${bucket}&object=${object}&size=${size}&etag=${etag}&codeDescription=${x:codeDescription}";

    /// <summary>The path of ESA's callback receiver on the ESA port.</summary>
    public const string CallbackPath = "/_oss/callback";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ObjectKey(string routine, string codeVersion) =>
        $"site_er_js/{routine}.{codeVersion}.unstable.js";

    /// <summary>The issued fields in the order the ESA CLI forwards them, with <c>Url</c> among them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Issue(EmulatorContext emulator, string key,
        string description, DateTimeOffset expiration)
    {
        var callback = Base64Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("callbackUrl", new Uri(emulator.Endpoint, CallbackPath.TrimStart('/')).ToString());
            w.WriteString("callbackBody", CallbackBody);
            w.WriteString("callbackBodyType", "application/x-www-form-urlencoded");
            w.WriteEndObject();
        });
        var codeDescription = Base64Json(w => w.WriteStringValue(description));
        var policy = Base64Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("expiration",
                expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteStartArray("conditions");
            w.WriteStartArray();
            w.WriteStringValue(PostPolicyCondition.ContentLengthRange);
            w.WriteNumberValue(1);
            w.WriteNumberValue(emulator.Options.MaxCodeBytes);
            w.WriteEndArray();
            w.WriteStartObject();
            w.WriteString("bucket", OssBucket.Name);
            w.WriteEndObject();
            WriteEquals(w, "key", key);
            WriteEquals(w, "callback", callback);
            WriteEquals(w, "x:codeDescription", codeDescription);
            w.WriteEndArray();
            w.WriteEndObject();
        });

        return
        [
            new("OSSAccessKeyId", emulator.OssCredential.AccessKeyId),
            new("Signature", PostSignature.Compute(emulator.OssCredential.AccessKeySecret, policy)),
            new("Url", emulator.OssEndpoint.ToString()),
            new("callback", callback),
            new("key", key),
            new("policy", policy),
            new("x:codeDescription", codeDescription),
        ];
    }

    private static void WriteEquals(Utf8JsonWriter writer, string field, string value)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(PostPolicyCondition.Equal);
        writer.WriteStringValue("$" + field);
        writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static string Base64Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return Convert.ToBase64String(buffer.WrittenSpan);
    }
}
