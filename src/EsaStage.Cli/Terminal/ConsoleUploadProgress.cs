using System.Diagnostics;
using System.Globalization;
using EsaStage.Core.Oss;

namespace EsaStage.Cli.Terminal;

/// <summary>
/// Draws upload progress on one self-rewriting stderr line, only when stderr is a terminal (CI logs and
/// redirected output get no carriage-return noise) and only for uploads big enough to take a moment.
/// </summary>
internal sealed class ConsoleUploadProgress : IProgress<UploadProgress>
{
    private const long MinimumBytes = 1024 * 1024;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;

    internal ConsoleUploadProgress(TextWriter stderr) => _stderr = stderr;

    public static IProgress<UploadProgress>? CreateForTerminal(TextWriter stderr, Verbosity verbosity) =>
        verbosity >= Verbosity.Normal && !Console.IsErrorRedirected ? new ConsoleUploadProgress(stderr) : null;

    public void Report(UploadProgress value)
    {
        if (value.TotalBytes < MinimumBytes)
        {
            return;
        }

        var done = value.BytesSent >= value.TotalBytes;
        if (!done && _lastDraw is { } last && _clock.Elapsed - last < RedrawInterval)
        {
            return;
        }

        _lastDraw = _clock.Elapsed;
        var percent = value.BytesSent * 100 / value.TotalBytes;
        var rate = value.BytesSent / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        _stderr.Write(string.Create(CultureInfo.InvariantCulture,
            $"\rUploading {Megabytes(value.BytesSent)} / {Megabytes(value.TotalBytes)} MB ({percent,3}%) " +
            $"at {Megabytes((long)rate)} MB/s   "));
        if (done)
        {
            _stderr.WriteLine();
        }
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString("0.0", CultureInfo.InvariantCulture);
}
