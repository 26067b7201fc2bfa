using Statmgr.Status;

namespace Statmgr.Tests.Status.Http;

/// <summary>Snapshots made by hand, as the main loop would publish them, for the listener's tests.</summary>
internal static class StatusSamples
{
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1765155600);

    /// <summary>The module that is dead in <see cref="EveryState"/>.</summary>
    public const string DeadModule = "pick_ew";

    public const string System = "ewhost1";

    /// <summary>
    /// One module in each state, in descriptor order alive first (the page must sort them worst
    /// first), with reports, two rings and the mail queue in use.
    /// </summary>
    public static StatusSnapshot EveryState(DateTimeOffset takenAt) => new(
        StatusSnapshot.CurrentVersion,
        takenAt,
        new StatmgrProcessStatus(4242, Start, "statmgr.d", takenAt),
        [
            Module("wave_serverV", ModuleState.Alive, age: 4, tsec: 60),
            Module("stopped_ew", ModuleState.Stopped, age: 400, tsec: 60),
            Module(DeadModule, ModuleState.Dead, age: 95, tsec: 63) with
            {
                Heartbeat = new ReportStatus(Sent: 2, Suppressed: 1, Pages: 1, PageLimit: 1, Mails: 2, MailLimit: -1),
                Errors = [new ErrorReportStatus(3, new ReportStatus(5, 0, 5, 10, 0, 0)), new ErrorReportStatus(4, new ReportStatus(0, 0, 0, 10, 0, 0))],
            },
            Module("ringtocoax", ModuleState.NotMonitored, age: 12, tsec: 0),
            Module("restarted_ew", ModuleState.RestartRequested, age: 70, tsec: 30) with { RestartsRequested = 3 },
        ],
        [new RingStatus("HYPO_RING", 1200, 3, 7), new RingStatus("WAVE_RING", 98765, 0, 0)],
        new MailStatus(Queued: 2, Sent: 17, Retrying: 1, Failed: 4));

    public static ModuleStatus Module(string name, ModuleState state, long age, int tsec) => new(
        name, System, InstId: 2, ModId: 14, Ring: "HYPO_RING", state, Pid: "3141",
        LastHeartbeat: Start.AddSeconds(100), HeartbeatAgeSeconds: age, Tsec: tsec,
        LastChange: Start.AddSeconds(40), RestartsRequested: 0,
        Heartbeat: new ReportStatus(0, 0, 0, 0, 0, 0), Errors: []);
}
