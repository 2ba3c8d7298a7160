using System.Security.Cryptography;
using System.Text;

namespace EsaStage.Core.Ci;

/// <summary>
/// Appends to a GitHub Actions environment file (<c>GITHUB_OUTPUT</c>, <c>GITHUB_ENV</c>) in its documented format.
/// </summary>
/// <remarks>
/// <para>
/// Single-line values are written as <c>name=value</c>; a value with a line break uses the heredoc form with a
/// random delimiter that does not occur in it, so neither a torn value nor an injected extra variable can result.
/// </para>
/// <para>
/// Several MSBuild nodes may append to the same file at once, so the file is opened exclusively (retried while
/// another writer holds it), written as UTF-8 without a byte-order mark, and a line break is added first when a
/// previous writer left the last line unterminated.
/// </para>
/// </remarks>
public static class GitHubOutputFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends the entries to the file.</summary>
    /// <param name="path">The file named by <c>GITHUB_OUTPUT</c>.</param>
    /// <param name="entries">Names and values.</param>
    /// <exception cref="ArgumentException">A name is empty or holds <c>=</c>, <c>&lt;</c> or a line break.</exception>
    public static void Append(string path, IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(entries);

        var text = new StringBuilder();
        foreach (var (name, value) in entries)
        {
            text.Append(Format(name, value));
        }

        WriteLocked(path, text.ToString());
    }

    /// <summary>
    /// Appends text as it is (e.g. Markdown to <c>GITHUB_STEP_SUMMARY</c>), under the same lock and encoding as
    /// the entries, after a line break if the file's last line is unterminated.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The text.</param>
    public static void AppendText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        WriteLocked(path, text);
    }

    /// <summary>Formats one entry.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The entry's lines, ending in a line break.</returns>
    public static string Format(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(['=', '<', '\r', '\n']) >= 0)
        {
            throw new ArgumentException($"'{name}' cannot be an output name.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(value);
        var normalized = value.ReplaceLineEndings("\n");
        if (!normalized.Contains('\n', StringComparison.Ordinal))
        {
            return $"{name}={normalized}\n";
        }

        string delimiter;
        do
        {
            delimiter = "ghadelimiter_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
        while (normalized.Contains(delimiter, StringComparison.Ordinal));

        return $"{name}<<{delimiter}\n{normalized}\n{delimiter}\n";
    }

    private static void WriteLocked(string path, string text)
    {
        var bytes = Utf8NoBom.GetBytes(text);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (file.Length > 0)
                {
                    file.Seek(-1, SeekOrigin.End);
                    if (file.ReadByte() != '\n')
                    {
                        file.WriteByte((byte)'\n');
                    }
                }

                file.Seek(0, SeekOrigin.End);
                file.Write(bytes);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                // Another writer holds the lock; it only ever appends a few lines.
                Thread.Sleep(20 * attempt);
            }
        }
    }
}
