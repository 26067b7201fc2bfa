using System.Globalization;

namespace Statmgr.TestSupport;

/// <summary>A child process's CPU time and resident memory, from /proc (Linux), for the tests and the stress tool.</summary>
internal static class ProcessStats
{
    /// <summary>Linux reports CPU times in USER_HZ ticks, 100 a second.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time so far.</summary>
    public static TimeSpan Cpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces: count the fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>VmRSS in bytes.</summary>
    public static long Rss(int pid) => StatusBytes(pid, "VmRSS:");

    /// <summary>RssShmem in bytes: the pages of shared memory (the rings, mostly) the process has touched.</summary>
    public static long SharedRss(int pid) => StatusBytes(pid, "RssShmem:");

    private static long StatusBytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"no {field} for pid {pid}");
    }
}
