using System.Security.Cryptography;

namespace EsaStage.Emulator.State;

/// <summary>Code files on disk, named by their SHA-256, so that identical code is stored once.</summary>
/// <remarks>
/// Uploads are streamed to an incoming file while they are hashed, then moved into place; code is never held whole
/// in memory by the upload path. Stored files are never changed, so readers need no lock.
/// </remarks>
internal sealed class CodeStore
{
    private readonly string _objects;
    private readonly string _incoming;

    public CodeStore(string root)
    {
        Root = root;
        _objects = Path.Combine(root, "objects");
        _incoming = Path.Combine(root, "incoming");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_incoming);
    }

    public string Root { get; }

    /// <summary>A fresh path for an upload in progress; the caller moves it in with <see cref="Adopt"/>.</summary>
    public string NewIncomingPath() =>
        Path.Combine(_incoming, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + ".part");

    /// <summary>Moves a fully written incoming file into the store under its hash.</summary>
    public void Adopt(string incomingPath, string sha256)
    {
        var target = PathOf(sha256);
        if (File.Exists(target))
        {
            File.Delete(incomingPath);
            return;
        }

        File.Move(incomingPath, target, overwrite: true);
    }

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    public byte[]? Read(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file still open by a reader is left behind; it is only a temporary upload.
        }
    }

    private string PathOf(string sha256) => Path.Combine(_objects, sha256);
}
