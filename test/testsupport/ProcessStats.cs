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
    public static long Rss(int pid) => StatusField(pid, "VmRSS:") * 1024;

    /// <summary>RssShmem in bytes: the pages of shared memory (the rings, mostly) the process has touched.</summary>
    public static long SharedRss(int pid) => StatusField(pid, "RssShmem:") * 1024;

    /// <summary>The process's threads now, the main thread included.</summary>
    public static int Threads(int pid) => (int)StatusField(pid, "Threads:");

    /// <summary>The number after <paramref name="field"/> in /proc/PID/status (memory fields are in kB).</summary>
    private static long StatusField(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var number = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"no {field} for pid {pid}");
    }
}
