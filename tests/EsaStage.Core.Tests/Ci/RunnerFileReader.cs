namespace EsaStage.Core.Tests.Ci;

/// <summary>Reads a GitHub environment file the way the runner does, to check what a later step would see.</summary>
internal static class RunnerFileReader
{
    public static Dictionary<string, string> Read(string path)
    {
        var outputs = new Dictionary<string, string>();
        var lines = File.ReadAllText(path).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; lines[i] != delimiter; i++)
                {
                    value.Add(lines[i]);
                }

                outputs.Add(name, string.Join('\n', value));
            }
            else
            {
                outputs.Add(line[..equals], line[(equals + 1)..]);
            }
        }

        return outputs;
    }
}
