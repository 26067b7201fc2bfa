using Statmgr.Earthworm.Time;
using System.Globalization;
using System.Text;

namespace Statmgr.EwSupervisor;

/// <summary>
/// Lays out a TYPE_STATUS message the way startstop's EncodeStatus does: header block,
/// one <c>Ring %2d name/key/size:</c> line per ring (statmgr's CheckAllRings parses those), then the
/// process table. Column widths are startstop's for the default maxStatusLineLen of 80.
/// </summary>
internal static class StatusText
{
    public const int MaxStatusLineLen = 80;
    private const int NameWidth = 16;
    private const string Indent = "        ";
    // Width of "  ??/ 0" + "%9s" CPU + " ": what a row without a running process leaves blank.
    private const string NotRunningTail = "                 ";

    public static string Format(StatusSnapshot s)
    {
        var b = new StringBuilder(1024);
        b.Append(' ', 20).Append("EARTHWORM-").Append(s.PointerBits.ToString(CultureInfo.InvariantCulture))
            .Append(" SYSTEM STATUS\n");
        b.Append('\n');
        b.Append(Indent).Append("Hostname-OS:            ").Append(s.HostName).Append(" - ")
            .Append(s.OsName).Append(' ').Append(s.OsRelease).Append('\n');
        b.Append(Indent).Append("Start time (UTC):       ").Append(AscTime.Format(s.StartTime)).Append('\n');
        b.Append(Indent).Append("Current time (UTC):     ").Append(AscTime.Format(s.CurrentTime)).Append('\n');
        if (s.DiskAvailKb is long kb)
        {
            b.Append(Indent).Append("Disk space avail:       ").Append(kb.ToString(CultureInfo.InvariantCulture))
                .Append(" kb\n");
        }
        for (int i = 0; i < s.Rings.Count; i++)
        {
            StatusRing r = s.Rings[i];
            b.Append(Indent).Append(string.Create(CultureInfo.InvariantCulture,
                $"Ring {i + 1,2} name/key/size:  {r.Name} / {r.Key} / {r.SizeKb} kb")).Append('\n');
        }
        AppendCut(b, Indent + "Startstop's Log Dir:    " + s.LogDir);
        AppendCut(b, Indent + "Startstop's Params Dir: " + s.ParamsDir);
        if (s.BinDir is not null)
        {
            AppendCut(b, Indent + "Startstop's Bin Dir:    " + s.BinDir);
        }
        b.Append(Indent).Append("Startstop Version:      ").Append(s.Version).Append('\n');
        b.Append('\n');
        b.Append("         Process  Process               Class/    CPU\n");
        b.Append("          Name      Id      Status     Priority   Used    Argument\n");
        b.Append("         -------  -------   ------     --------   ----    --------\n");

        b.Append(NameColumn(s.ParentName)).Append(Pid(s.ParentPid)).Append("    Alive    ")
            .Append("   ").Append(RunningColumns(s.ParentCpuUsed))
            .Append("  ").Append(s.ParentArgument ?? "-").Append('\n');
        foreach (StatusChildRow c in s.Children)
        {
            var row = new StringBuilder(MaxStatusLineLen);
            row.Append(NameColumn(c.Name)).Append(Pid(c.Pid));
            switch (c.State)
            {
                case ChildState.Alive:
                    row.Append("    Alive     ").Append("  ").Append(RunningColumns(c.CpuUsed)).Append(' ');
                    break;
                case ChildState.Restarting:
                    row.Append("    Restarting").Append("  ").Append(RunningColumns(c.CpuUsed)).Append(' ');
                    break;
                case ChildState.Dead:
                    row.Append("    Dead        ").Append(NotRunningTail);
                    break;
                default:
                    row.Append("    Stop        ").Append(NotRunningTail);
                    break;
            }
            AppendArguments(row, c.Arguments);
            b.Append(row).Append('\n');
        }
        return b.ToString();
    }

    /// <summary>Right-aligned in 16; a longer name keeps its last 15 characters behind a '&lt;'.</summary>
    public static string NameColumn(string name) =>
        name.Length > NameWidth ? "<" + name[^(NameWidth - 1)..] : name.PadLeft(NameWidth);

    private static string Pid(int pid) => " " + pid.ToString(CultureInfo.InvariantCulture).PadLeft(7);

    /// <summary>Scheduling class/priority and CPU time. The stand-in always runs as SCHED_OTHER, priority 0.</summary>
    private static string RunningColumns(TimeSpan cpu) =>
        "  ??/ 0" + CpuText(cpu).PadLeft(9);

    /// <summary>CPU time as ps prints it: HH:MM:SS.</summary>
    public static string CpuText(TimeSpan cpu)
    {
        long total = (long)cpu.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"{total / 3600:D2}:{total / 60 % 60:D2}:{total % 60:D2}");
    }

    /// <summary>
    /// Each argument with one blank before it, kept within maxStatusLineLen: a too-long argument first
    /// loses a trailing ".d", the first one is then cut from the front behind '&lt;', and a '&gt;' marks
    /// arguments that were left out.
    /// </summary>
    private static void AppendArguments(StringBuilder row, IReadOnlyList<string> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            int room = MaxStatusLineLen - row.Length;
            string arg = arguments[i];
            if (1 + arg.Length > room && arg.EndsWith(".d", StringComparison.Ordinal))
            {
                arg = arg[..^2];
            }
            if (1 + arg.Length <= room)
            {
                row.Append(' ').Append(arg);
                continue;
            }
            if (i == 0 && room >= 3)
            {
                row.Append(" <").Append(arg[^(room - 2)..]);
            }
            else if (room >= 1)
            {
                row.Append('>');
            }
            return;
        }
    }

    private static void AppendCut(StringBuilder b, string line) =>
        b.Append(line.Length > MaxStatusLineLen ? line[..MaxStatusLineLen] : line).Append('\n');
}
