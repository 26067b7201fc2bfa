using System.Globalization;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>A process's CPU time so far (user + system), from /proc/PID/stat.</summary>
internal static class ProcessCpu
{
    /// <summary>Linux reports these times in USER_HZ ticks, 100 a second on every platform .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name in parentheses may hold spaces: count fields from the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of the whole line (utime, stime) are the 12th and 13th after the name.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
