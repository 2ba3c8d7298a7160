using System.Diagnostics;
using System.Text;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>
/// MSBuild worker nodes a test started with node reuse on. A unique handshake salt keeps every other build on the
/// machine away from them, and identifies them afterwards so the test ends exactly those processes.
/// </summary>
internal static class BuildNodes
{
    public const string SaltVariable = "MSBUILDNODEHANDSHAKESALT";

    /// <summary>Finds the processes whose environment carries the salt (Linux: read from /proc).</summary>
    public static List<int> FindAll(string salt)
    {
        var marker = Encoding.UTF8.GetBytes($"{SaltVariable}={salt}\0");
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id) || id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllBytes(Path.Combine(directory, "environ")).AsSpan().IndexOf(marker) >= 0)
                {
                    found.Add(id);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile.
            }
        }

        return found;
    }

    /// <summary>Finds the MSBuild worker nodes among <see cref="FindAll"/>.</summary>
    public static List<int> FindWorkerNodes(string salt) => FindAll(salt).Where(id =>
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Contains("nodemode", StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException)
        {
            return false;
        }
    }).ToList();

    /// <summary>Ends the processes whose environment carries the salt, by their ids.</summary>
    public static void EndAll(string salt)
    {
        foreach (var id in FindAll(salt))
        {
            try
            {
                using var node = Process.GetProcessById(id);
                node.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // The process ended meanwhile.
            }
        }
    }
}
