using Statmgr.EwSupervisor;

namespace Statmgr.Tests.Fixtures;

/// <summary>
/// startstop's TYPE_STATUS answer for tests, laid out by the stand-in's own <see cref="StatusText"/>
/// so that the tests, the stand-in and the stress tool share one generator of that text.
/// </summary>
internal static class StartstopStatus
{
    /// <summary>A typical status: host "myhost", startstop 4321 and its log, params and bin directories.</summary>
    public static StatusSnapshot Example(IReadOnlyList<StatusRing> rings, IReadOnlyList<StatusChildRow> children) => new()
    {
        PointerBits = 64,
        HostName = "myhost",
        OsName = "Linux",
        OsRelease = "6.1.0-18-amd64",
        StartTime = DateTimeOffset.FromUnixTimeSeconds(1795640885),   // Wed Nov 25 21:08:05 2026
        CurrentTime = DateTimeOffset.FromUnixTimeSeconds(1795641000), // Wed Nov 25 21:10:00 2026
        DiskAvailKb = 123456789,
        Rings = rings,
        LogDir = "/opt/ew/run/logs/",
        ParamsDir = "/opt/ew/run/params/",
        BinDir = "/opt/ew/bin",
        Version = "v7.10 2019-08-13 (64 bit)",
        ParentName = "startstop",
        ParentPid = 4321,
        ParentCpuUsed = TimeSpan.FromSeconds(1),
        ParentArgument = "startstop_unix.d",
        Children = children,
    };

    /// <summary>The status text listing these rings (numbered from 1), with statmgr as startstop's one child.</summary>
    public static string Text(params StatusRing[] rings) =>
        StatusText.Format(Example(rings, [new StatusChildRow("statmgr", 4322, ChildState.Alive, TimeSpan.Zero, ["statmgr.d"])]));
}
