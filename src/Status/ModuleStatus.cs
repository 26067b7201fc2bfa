using System.Text.Json.Serialization;

namespace Statmgr.Status;

/// <summary>One descriptor's module as the loop saw it when the snapshot was taken.</summary>
/// <param name="Ring">The ring that carried its last heartbeat; empty before the first.</param>
/// <param name="Pid">The pid its last heartbeat carried, as sent; empty until one did.</param>
/// <param name="LastHeartbeat">statmgr's reading of its heartbeat timer: the sender's time of the last heartbeat (startup before the first).</param>
/// <param name="HeartbeatAgeSeconds">How old that heartbeat was by statmgr's clock at <see cref="StatusSnapshot.TakenAt"/>.</param>
/// <param name="Tsec">The heartbeat deadline; 0: not monitored.</param>
/// <param name="LastChange">When its state last changed (startup before the first change).</param>
/// <param name="RestartsRequested">TYPE_RESTART requests statmgr sent for it since startup.</param>
/// <param name="Heartbeat">The "module dead"/"module alive" reports and their page and mail caps.</param>
/// <param name="Errors">Per <c>err:</c> rule, in descriptor order.</param>
/// <param name="Silence">The silence its reports are under; left out of the JSON when none, so a file without silences reads as before.</param>
internal sealed record ModuleStatus(
    string Name,
    string System,
    int InstId,
    int ModId,
    string Ring,
    ModuleState State,
    string Pid,
    DateTimeOffset LastHeartbeat,
    long HeartbeatAgeSeconds,
    int Tsec,
    DateTimeOffset LastChange,
    int RestartsRequested,
    ReportStatus Heartbeat,
    IReadOnlyList<ErrorReportStatus> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SilenceStatus? Silence = null);

/// <summary>The silence over a module: its id, its end, who set it and why.</summary>
internal sealed record SilenceStatus(int Id, DateTimeOffset Until, string Author, string Reason);

/// <summary>Reports of one kind: sent, held back by the caps, and the pages and mails used against each cap.</summary>
internal sealed record ReportStatus(int Sent, int Suppressed, int Pages, int PageLimit, int Mails, int MailLimit);

/// <summary>One <c>err:</c> rule's reports.</summary>
internal sealed record ErrorReportStatus(int Number, ReportStatus Reports);

/// <summary>A module's state in a snapshot, worst first as the status page sorts them.</summary>
internal enum ModuleState
{
    [JsonStringEnumMemberName("dead")]
    Dead,

    /// <summary>Dead, and statmgr has asked startstop to restart it.</summary>
    [JsonStringEnumMemberName("restart_requested")]
    RestartRequested,

    /// <summary>Stopped on purpose by startstop (TYPE_STOP): not restarted.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,

    [JsonStringEnumMemberName("alive")]
    Alive,

    /// <summary>tsec 0: its heartbeat is not watched.</summary>
    [JsonStringEnumMemberName("not_monitored")]
    NotMonitored,
}
