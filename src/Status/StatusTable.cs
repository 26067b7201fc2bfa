using System.Globalization;
using System.Text;
using Statmgr.Status.Http;

namespace Statmgr.Status;

/// <summary>
/// The snapshot as <c>statmgr --status</c> prints it below the plugin line: statmgr's own line,
/// then one line per module in descriptor order (the order the operator wrote), columns padded
/// to the longest entry so the table reads at a glance.
/// </summary>
internal static class StatusTable
{
    private static readonly string[] Header = ["module", "state", "heartbeat", "pid", "restarts", "limits used up"];

    /// <summary>statmgr's line and the module table, every line ending in '\n'.</summary>
    public static string Format(StatusSnapshot snapshot, DateTimeOffset now)
    {
        var statmgr = snapshot.Statmgr;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"statmgr pid {statmgr.Pid}, started {Time(statmgr.StartedAt)}, last pass {Time(statmgr.LastPass)} "
            + $"({StatusVerdict.WholeSeconds(now - statmgr.LastPass)} s ago), config {statmgr.Config}\n");

        AppendColumns(text, snapshot.Modules.Select(Row).Prepend(Header).ToList());
        return text.ToString();
    }

    /// <summary>Rows of cells (the header first) as lines, each column padded to its longest cell, two spaces apart.</summary>
    public static void AppendColumns(StringBuilder text, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i])));
            text.Append(line.TrimEnd()).Append('\n');
        }
    }

    /// <summary>A time as the table writes it: UTC to the second, as Earthworm hosts keep their clocks.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string[] Row(ModuleStatus module) =>
    [
        module.Name,
        // A silence is said only when there is one, so the table without silences reads as before.
        module.Silence is { } silence
            ? string.Create(CultureInfo.InvariantCulture, $"{ModuleStateWords.Spoken(module.State)}, silenced #{silence.Id} until {Time(silence.Until)}")
            : ModuleStateWords.Spoken(module.State),
        // Not monitored: there is no deadline to hold the age against.
        module.Tsec == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{module.HeartbeatAgeSeconds}/{module.Tsec} s"),
        module.Pid.Length == 0 ? "-" : module.Pid,
        module.RestartsRequested.ToString(CultureInfo.InvariantCulture),
        LimitsUsedUp(module),
    ];

    /// <summary>
    /// Each page or mail cap this module has reached ("pages 3/3", "err 7 mails 1/1"): from then on
    /// its reports of that kind go out without a page or a mail. A cap of 0 sends none and a
    /// negative one has no limit, so neither is ever used up.
    /// </summary>
    private static string LimitsUsedUp(ModuleStatus module)
    {
        var notes = new List<string>();
        void Note(string prefix, ReportStatus reports)
        {
            if (reports.PageLimit > 0 && reports.Pages >= reports.PageLimit)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}pages {reports.Pages}/{reports.PageLimit}"));
            }
            if (reports.MailLimit > 0 && reports.Mails >= reports.MailLimit)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}mails {reports.Mails}/{reports.MailLimit}"));
            }
        }
        Note("", module.Heartbeat);
        foreach (var error in module.Errors)
        {
            Note(string.Create(CultureInfo.InvariantCulture, $"err {error.Number} "), error.Reports);
        }
        return notes.Count == 0 ? "-" : string.Join(", ", notes);
    }
}
