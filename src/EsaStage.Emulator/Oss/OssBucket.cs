using System.Collections.Concurrent;

namespace EsaStage.Emulator.Oss;

/// <summary>The emulator's single bucket: object keys to stored content. Thread-safe; kept in memory only.</summary>
internal sealed class OssBucket
{
    /// <summary>The bucket name, as the upload policy's <c>bucket</c> condition names it.</summary>
    public const string Name = "esa-emulator";

    private readonly ConcurrentDictionary<string, OssObject> _objects = new(StringComparer.Ordinal);

    public void Put(OssObject item) => _objects[item.Key] = item;

    public OssObject? Find(string key) => _objects.GetValueOrDefault(key);
}
