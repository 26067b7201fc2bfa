namespace Statmgr.Status;

/// <summary>
/// What statmgr knows at one moment, published by the main loop at most once a second and never
/// changed afterwards: whoever reads it (the status file writer, the HTTP listener) reads its own
/// copy and cannot hold the loop up. It is also the status file's JSON (see the README's schema).
/// </summary>
/// <param name="Version">The schema's version: <see cref="CurrentVersion"/>, raised when a field changes meaning or goes.</param>
/// <param name="TakenAt">statmgr's wall clock when the loop took it.</param>
internal sealed record StatusSnapshot(
    int Version,
    DateTimeOffset TakenAt,
    StatmgrProcessStatus Statmgr,
    IReadOnlyList<ModuleStatus> Modules,
    IReadOnlyList<RingStatus> Rings,
    MailStatus Mail)
{
    public const int CurrentVersion = 1;
}

/// <summary>statmgr itself: who, since when, reading which configuration, and when its loop last went round.</summary>
/// <param name="LastPass">The wall-clock time of the main loop's last pass before the snapshot was taken.</param>
internal sealed record StatmgrProcessStatus(int Pid, DateTimeOffset StartedAt, string Config, DateTimeOffset LastPass);

/// <summary>One ring statmgr reads: messages taken, messages the ring lost before statmgr read them, lap-guard waits.</summary>
/// <param name="LapGuardWaits">Idle waits cut short so that writers could not lap statmgr's reading position.</param>
internal sealed record RingStatus(string Name, long MessagesRead, long MessagesMissed, long LapGuardWaits);

/// <summary>The mail queue: waiting now, delivered, waiting for a retry now, and given up, since startup.</summary>
internal sealed record MailStatus(int Queued, long Sent, int Retrying, long Failed);
