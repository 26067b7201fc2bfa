using System.Globalization;
using System.Net;
using System.Text;

namespace Statmgr.Status.Http;

/// <summary>
/// The status page: one HTML document with its style inline and nothing to fetch (no script, font,
/// style sheet or image from anywhere), which reloads itself. Modules are sorted worst state first
/// (descriptor order within a state) and coloured by state; every text from a descriptor or a ring
/// is HTML-escaped.
/// </summary>
internal static class StatusPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>Seconds between the page's reloads: the snapshot changes at most once a second.</summary>
    public const int RefreshSeconds = 5;

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1em 2em;color:#222;background:#fff}
        h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:1.2em 0 .3em}
        table{border-collapse:collapse}th,td{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .state{font-weight:bold;text-transform:uppercase;font-size:.85em}
        tr.dead td{background:#fbd5d5}tr.dead .state{color:#a00}
        tr.restart_requested td{background:#fde2c8}tr.restart_requested .state{color:#a50}
        tr.stopped td{background:#fdf3c4}tr.stopped .state{color:#750}
        tr.alive .state{color:#070}tr.not_monitored td{color:#777}
        .stale{background:#a00;color:#fff;padding:.4em .8em;font-weight:bold}
        .meta{color:#555}ul{margin:0;padding-left:1.1em}
        """;

    public static byte[] Render(StatusSnapshot? snapshot, TimeSpan sinceLastPass, TimeSpan healthyPassAge)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="refresh" content="{RefreshSeconds}">
            <link rel="icon" href="data:,">
            <title>statmgr status</title>
            <style>{Style}</style>
            </head><body>
            <h1>statmgr status</h1>

            """);
        if (sinceLastPass >= healthyPassAge)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"stale\" id=\"stale\">statmgr's main loop last went round {sinceLastPass.TotalSeconds:0} s ago: it is stuck or stopped, and what follows is old.</p>\n");
        }
        if (snapshot is null)
        {
            html.Append("<p>No snapshot yet: statmgr's main loop has not published one.</p>\n");
        }
        else
        {
            AppendStatmgr(html, snapshot);
            AppendModules(html, snapshot.Modules);
            AppendRings(html, snapshot.Rings);
            AppendMail(html, snapshot.Mail);
        }
        html.Append("</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendStatmgr(StringBuilder html, StatusSnapshot snapshot)
    {
        var process = snapshot.Statmgr;
        var counts = ModuleStateWords.All
            .Select(state => (Word: ModuleStateWords.Spoken(state), Count: snapshot.Modules.Count(module => module.State == state)))
            .Where(entry => entry.Count > 0)
            .Select(entry => $"{entry.Count} {entry.Word}");
        html.Append(CultureInfo.InvariantCulture, $"""
            <p class="meta">pid {process.Pid}, config {E(process.Config)}, started {Time(process.StartedAt)};
            snapshot of {Time(snapshot.TakenAt)}, last pass {Time(process.LastPass)}.</p>
            <p id="summary">{E(string.Join(", ", counts))}</p>

            """);
    }

    private static void AppendModules(StringBuilder html, IReadOnlyList<ModuleStatus> modules)
    {
        html.Append("""
            <h2>Modules</h2>
            <table id="modules"><thead><tr><th>Module</th><th>System</th><th>State</th><th>Heartbeat age / tsec</th>
            <th>Ring</th><th>PID</th><th>Restarts</th><th>Since</th><th>Reports</th></tr></thead><tbody>

            """);
        foreach (var module in modules.OrderBy(module => module.State))
        {
            var word = ModuleStateWords.Of(module.State);
            var heartbeat = module.Tsec == 0 ? "not watched" : $"{module.HeartbeatAgeSeconds} s / {module.Tsec} s";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr class="{word}" data-state="{word}" data-module="{E(module.Name)}"><td>{E(module.Name)}</td><td>{E(module.System)}</td>
                <td class="state">{ModuleStateWords.Spoken(module.State)}</td><td class="n">{heartbeat}</td><td>{E(module.Ring)}</td>
                <td class="n">{E(module.Pid)}</td><td class="n">{module.RestartsRequested}</td><td>{Time(module.LastChange)}</td><td>
                """);
            AppendReports(html, module);
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    /// <summary>The heartbeat's reports always, an err: rule's only once it made one.</summary>
    private static void AppendReports(StringBuilder html, ModuleStatus module)
    {
        html.Append("<ul>");
        AppendReport(html, "heartbeat", module.Heartbeat);
        foreach (var error in module.Errors.Where(error => error.Reports.Sent > 0 || error.Reports.Suppressed > 0))
        {
            AppendReport(html, $"err {error.Number}", error.Reports);
        }
        html.Append("</ul>");
    }

    private static void AppendReport(StringBuilder html, string report, ReportStatus counts) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<li>{report}: {counts.Sent} sent, {counts.Suppressed} suppressed, pages {counts.Pages}/{Cap(counts.PageLimit)}, mails {counts.Mails}/{Cap(counts.MailLimit)}</li>");

    private static void AppendRings(StringBuilder html, IReadOnlyList<RingStatus> rings)
    {
        html.Append("<h2>Rings</h2>\n<table id=\"rings\"><thead><tr><th>Ring</th><th>Messages read</th><th>Missed</th><th>Lap-guard waits</th></tr></thead><tbody>\n");
        foreach (var ring in rings)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(ring.Name)}</td><td class=\"n\">{ring.MessagesRead}</td><td class=\"n\">{ring.MessagesMissed}</td><td class=\"n\">{ring.LapGuardWaits}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static void AppendMail(StringBuilder html, MailStatus mail) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<h2>Mail</h2>\n<p id=\"mail\">{mail.Queued} queued, {mail.Retrying} waiting for a retry, {mail.Sent} sent, {mail.Failed} failed.</p>\n");

    private static string Cap(int limit) => limit < 0 ? "no limit" : limit.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
