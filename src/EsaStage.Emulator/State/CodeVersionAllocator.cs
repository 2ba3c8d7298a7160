using System.Globalization;

namespace EsaStage.Emulator.State;

/// <summary>Issues CodeVersions: unique, increasing, always 19 digits.</summary>
/// <remarks>
/// A version is the Unix time in milliseconds times 1 000 000, plus a counter when several are issued in the same
/// millisecond; that shape has 19 digits from 2001-09-09 until year 2286. A clock set earlier (a test's fake clock)
/// still gets 19 digits because the value never goes below 10^18.
/// </remarks>
internal sealed class CodeVersionAllocator
{
    private const long Minimum = 1_000_000_000_000_000_000;
    private readonly Lock _gate = new();
    private long _last;

    public string Next(DateTimeOffset now)
    {
        lock (_gate)
        {
            var candidate = Math.Max(Minimum, now.ToUnixTimeMilliseconds() * 1_000_000);
            _last = Math.Max(candidate, _last + 1);
            return _last.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Makes sure later versions sort after one that already exists (e.g. restored from disk).</summary>
    public void Observe(string codeVersion)
    {
        if (long.TryParse(codeVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            lock (_gate)
            {
                _last = Math.Max(_last, value);
            }
        }
    }
}
