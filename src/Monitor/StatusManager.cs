using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// statmgr's main loop, C's story: take every waiting message and handle it; then the chores
/// (stop flag, pageit heartbeat, expired heartbeats); then wait until something is due.
/// </summary>
internal sealed class StatusManager
{
    private readonly RingDrainer _drainer;
    private readonly PageitHeartbeat _pageit;
    private readonly HeartbeatExpiryScan _expiry;
    private readonly WaitPlanner _planner;
    private readonly OwnErrorReporter _own;
    private readonly RingOutbox _outbox;
    private readonly LogLossReporter _logLoss;
    private readonly StopSource _stop;
    private readonly bool _debug;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;
    private readonly StatusPublisher? _status;
    private long _lastRingCheck;

    /// <param name="drainer">Reads the rings (and owns them).</param>
    /// <param name="pageit">The pageit heartbeat chore.</param>
    /// <param name="expiry">The expired-heartbeat chore (and the module table it scans).</param>
    /// <param name="planner">How long to wait after a pass.</param>
    /// <param name="own">statmgr's own errors: the shutdown report.</param>
    /// <param name="outbox">statmgr's puts: what waits for a stuck ring is retried once a second.</param>
    /// <param name="logLoss">The alarm for a log file that loses entries.</param>
    /// <param name="context">The stop source, log, clock and debug level; the status board, if any.</param>
    public StatusManager(RingDrainer drainer, PageitHeartbeat pageit, HeartbeatExpiryScan expiry, WaitPlanner planner,
        OwnErrorReporter own, RingOutbox outbox, LogLossReporter logLoss, MonitorContext context)
    {
        _drainer = drainer;
        _pageit = pageit;
        _expiry = expiry;
        _planner = planner;
        _own = own;
        _outbox = outbox;
        _logLoss = logLoss;
        _stop = context.Stop;
        _debug = context.Config.Debug >= 1;
        _logit = context.Logit;
        _time = context.Time;
        _lastRingCheck = EpochClock.Now(_time);
        _status = context.Status is { } board ? new StatusPublisher(board, expiry.Modules, drainer.Rings, context) : null;
    }

    /// <summary>Every module's health, for a status view.</summary>
    public ModuleTable Modules => _expiry.Modules;

    public RingSet Rings => _drainer.Rings;

    /// <summary>What the log file has lost, for a status view.</summary>
    public LogLosses LogLosses => _logLoss.Losses;

    /// <summary>Runs until told to stop; returns the process exit status.</summary>
    public int Run()
    {
        while (true)
        {
            var pass = RunPass();
            if (pass.Stop)
            {
                return Stop();
            }
            if (pass.Wait > TimeSpan.Zero)
            {
                if (_debug)
                {
                    _logit.Write("t", string.Create(CultureInfo.InvariantCulture, $"Debug: statmgr sleeping for {(long)pass.Wait.TotalMilliseconds} msecs\n"));
                }
                _stop.Wait(pass.Wait);
            }
        }
    }

    /// <summary>One pass: drain every ring, do the chores, and say how long to wait.</summary>
    public PassResult RunPass()
    {
        // Silences that start or end this second first, so that every report of the pass sees them.
        _expiry.TickSilences(EpochClock.Now(_time));
        // Every message waiting in every ring first, so no heartbeat is judged missing while it waits.
        var drained = _drainer.Drain();

        // The chores, in C's order: stop flag, pageit heartbeat, expired heartbeats (and, once a
        // second, the port's own: re-attach re-created rings, retry puts waiting for a stuck ring);
        // then the alarm for a log that lost entries, this pass's reports included; then what a
        // status view sees (at most once a second).
        if (_stop.IsStopRequested(Rings.Attached))
        {
            return PassResult.Stopping;
        }
        CheckRingsOncePerSecond();
        _pageit.SendIfDue(EpochClock.Now(_time));
        var scan = _expiry.Scan(EpochClock.Now(_time));
        _logLoss.ReportNewLoss(EpochClock.Now(_time));
        _status?.OnPass();
        if (scan == ScanOutcome.Abandoned || !drained.Finished)
        {
            return PassResult.Again;
        }

        // Then wait, until the next thing is due.
        return new PassResult(false, PlanWait(drained.ReadAny && Rings.MultiRing));
    }

    /// <summary>
    /// C's shutdown: report statmgr error 1 and detach (exit 0); without error 1 in statmgr.desc,
    /// say so and exit 255 as C does. What still waits for a stuck ring gets one last try first,
    /// and the rest is reported lost.
    /// </summary>
    public int Stop()
    {
        bool reported = _own.TryReport(StatmgrError.Shutdown, EpochClock.Now(_time), "");
        _outbox.Close(Rings.Attached);
        if (!reported)
        {
            _logit.Write("et", "statmgr message 1 not found\n");
            return 255;
        }
        Rings.Dispose();
        return 0;
    }

    private void CheckRingsOncePerSecond()
    {
        long now = EpochClock.Now(_time);
        if (now != _lastRingCheck)
        {
            _lastRingCheck = now;
            Rings.ReattachStale();
            _outbox.Retry(Rings.Attached);
        }
    }

    private long NextDueSecond()
    {
        long due = _pageit.NextDueSecond;
        return _expiry.NextDeathSecond() is long death && death < due ? death : due;
    }

    /// <summary>How long to wait; a wait the lap guard cut short is counted on the ring it guards.</summary>
    private TimeSpan PlanWait(bool busyMultiRing)
    {
        var now = _time.GetUtcNow();
        long due = NextDueSecond();
        var guard = LapGuard();
        var wait = _planner.Next(now, due, guard?.Lap, busyMultiRing);
        if (guard is { } cut && wait < _planner.Next(now, due, null, busyMultiRing))
        {
            cut.Ring.CountLapGuardWait();
        }
        return wait;
    }

    /// <summary>The soonest any monitored ring could be lapped at its writers' rate, and that ring.</summary>
    private (TimeSpan Lap, MonitoredRing Ring)? LapGuard()
    {
        (TimeSpan Lap, MonitoredRing Ring)? guard = null;
        long timestamp = _time.GetTimestamp();
        var monitored = Rings.Monitored;
        for (var i = 0; i < monitored.Count; i++)
        {
            var ring = monitored[i];
            if (ring.Input.Sample(ring.Ring.ReadHeader(), timestamp, _time) is TimeSpan lap && (guard is null || lap < guard.Value.Lap))
            {
                guard = (lap, ring);
            }
        }
        return guard;
    }
}

/// <summary>What one pass of the main loop asks for next: stop, or wait this long.</summary>
internal readonly record struct PassResult(bool Stop, TimeSpan Wait)
{
    public static PassResult Stopping => new(true, TimeSpan.Zero);

    public static PassResult Again => new(false, TimeSpan.Zero);
}
