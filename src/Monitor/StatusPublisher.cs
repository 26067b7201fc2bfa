using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Config;
using Statmgr.Notify;
using Statmgr.Silences;
using Statmgr.Status;

namespace Statmgr.Monitor;

/// <summary>
/// What the main loop shows the status views. Every pass it notes the pass on the board (one
/// number, nothing allocated); on the first pass of each wall-clock second it also builds a new
/// snapshot from the module table, the rings and the mail queue and publishes it whole. Readers
/// only ever get finished snapshots, and nothing they do reaches back into the loop.
/// </summary>
internal sealed class StatusPublisher
{
    // The epoch seconds DateTimeOffset can hold: a sender's clock may say anything.
    private static readonly long EarliestSecond = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long LatestSecond = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly StatusBoard _board;
    private readonly ModuleTable _modules;
    private readonly RingSet _rings;
    private readonly IMailSink _mail;
    private readonly TimeProvider _time;
    private readonly int _processId;
    private readonly string _configPath;
    private readonly SilenceKeeper? _silences;
    private readonly Descriptor _own;
    private long _publishedSecond = long.MinValue;

    /// <param name="startedAt">When statmgr started (null: now); a reload's publisher goes on with the start's.</param>
    public StatusPublisher(StatusBoard board, ModuleTable modules, RingSet rings, MonitorContext context, DateTimeOffset? startedAt = null)
    {
        _board = board;
        _modules = modules;
        _rings = rings;
        _mail = context.Mail;
        _time = context.Time;
        _processId = context.ProcessId;
        _configPath = context.Config.ConfigPath;
        StartedAt = startedAt ?? _time.GetUtcNow();
        _silences = context.Silences;
        _own = context.OwnDescriptor;
    }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The loop, once per pass, after the chores.</summary>
    public void OnPass()
    {
        _board.MarkPass(_board.Time.GetTimestamp());
        var now = _time.GetUtcNow();
        long second = now.ToUnixTimeSeconds();
        // "Not this second again", not "a later second": a wall clock stepped back must not stop the snapshots.
        if (second == _publishedSecond)
        {
            return;
        }
        _publishedSecond = second;
        _board.Publish(Take(now));
    }

    /// <summary>A module's state as a status view names it; the first that applies wins.</summary>
    private static ModuleState StateOf(ModuleHealth module) => module switch
    {
        { IsMonitored: false } => ModuleState.NotMonitored,
        { Restart: RestartState.Stopped } => ModuleState.Stopped,
        { Alive: true } => ModuleState.Alive,
        { RestartPending: true } => ModuleState.RestartRequested,
        _ => ModuleState.Dead,
    };

    private StatusSnapshot Take(DateTimeOffset now)
    {
        long second = now.ToUnixTimeSeconds();
        var modules = _modules.Modules;
        var moduleStatus = new ModuleStatus[modules.Count];
        for (var i = 0; i < moduleStatus.Length; i++)
        {
            moduleStatus[i] = Module(modules[i], second);
        }
        var rings = _rings.Monitored;
        var ringStatus = new RingStatus[rings.Count];
        for (var i = 0; i < ringStatus.Length; i++)
        {
            var ring = rings[i];
            ringStatus[i] = new RingStatus(ring.Name, ring.MessagesRead, ring.MessagesMissed, ring.LapGuardWaits);
        }
        return new StatusSnapshot(StatusSnapshot.CurrentVersion, now,
            new StatmgrProcessStatus(_processId, StartedAt, _configPath, now),
            moduleStatus, ringStatus, _mail.Counts);
    }

    private ModuleStatus Module(ModuleHealth module, long now)
    {
        var descriptor = module.Descriptor;
        long timer = Clamp(module.Timer);
        var errors = new ErrorReportStatus[module.Errors.Count];
        for (var i = 0; i < errors.Length; i++)
        {
            var error = module.Errors[i];
            errors[i] = new ErrorReportStatus(error.Rule.Number, Reports(error.Counters, error.Rule.Page, error.Rule.Mail));
        }
        return new ModuleStatus(descriptor.ModName, descriptor.SysName, descriptor.InstId, descriptor.ModId,
            module.HeartbeatRing?.Name ?? "", StateOf(module), module.Pid,
            DateTimeOffset.FromUnixTimeSeconds(timer), now - timer, module.Tsec,
            DateTimeOffset.FromUnixTimeSeconds(Clamp(module.LastChange)), module.RestartsRequested,
            Reports(module.HeartbeatCounters, module.HeartbeatLimits.Page, module.HeartbeatLimits.Mail), errors,
            _silences?.For(descriptor, _own) is { } silence ? new SilenceStatus(silence.Id, new DateTimeOffset(silence.Until), silence.Author, silence.Reason) : null);
    }

    private static ReportStatus Reports(ReportCounters counters, int pageLimit, int mailLimit) =>
        new(counters.Sent, counters.Suppressed, counters.Pages, pageLimit, counters.Mails, mailLimit);

    private static long Clamp(long epochSeconds) => Math.Clamp(epochSeconds, EarliestSecond, LatestSecond);
}
