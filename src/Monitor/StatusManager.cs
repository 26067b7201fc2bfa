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
    private readonly RingSet _rings;
    private readonly WaitPlanner _planner;
    private readonly RingOutbox _outbox;
    private readonly ConfigurationReload? _reload;
    private MonitorParts _parts;
    private long _lastRingCheck;

    /// <param name="parts">Everything built from the configuration: the module table, the chores, the reports.</param>
    /// <param name="rings">The rings read and paged to (and owned).</param>
    /// <param name="planner">How long to wait after a pass.</param>
    /// <param name="outbox">statmgr's puts: what waits for a stuck ring is retried once a second.</param>
    /// <param name="reload">Applies a finished reading of the configuration between two passes; null: never reloaded.</param>
    public StatusManager(MonitorParts parts, RingSet rings, WaitPlanner planner, RingOutbox outbox, ConfigurationReload? reload)
    {
        _parts = parts;
        _rings = rings;
        _planner = planner;
        _outbox = outbox;
        _reload = reload;
        _lastRingCheck = EpochClock.Now(parts.Context.Time);
    }

    /// <summary>Every module's health, for a status view.</summary>
    public ModuleTable Modules => _parts.Modules;

    public RingSet Rings => _rings;

    /// <summary>What the log file has lost, for a status view.</summary>
    public LogLosses LogLosses => _parts.LogLoss.Losses;

    /// <summary>When the configuration running now was loaded: the start, or the last reload applied.</summary>
    public DateTimeOffset LoadedAt => _parts.LoadedAt;

    /// <summary>The configuration running now, and the process around it.</summary>
    public MonitorContext Context => _parts.Context;

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
                if (Context.Config.Debug >= 1)
                {
                    Context.Logit.Write("t", string.Create(CultureInfo.InvariantCulture, $"Debug: statmgr sleeping for {(long)pass.Wait.TotalMilliseconds} msecs\n"));
                }
                Context.Stop.Wait(pass.Wait);
            }
        }
    }

    /// <summary>One pass: drain every ring, do the chores, and say how long to wait.</summary>
    public PassResult RunPass()
    {
        // A reload is applied between two passes, all at once (a volatile read when there is none).
        if (_reload is not null)
        {
            _parts = _reload.ApplyFinished(_parts);
        }
        var parts = _parts;
        var time = Context.Time;

        // Silences that start or end this second first, so that every report of the pass sees them.
        parts.Expiry.TickSilences(EpochClock.Now(time));

        // Every message waiting in every ring first, so no heartbeat is judged missing while it waits.
        var drained = parts.Drainer.Drain();

        // The chores, in C's order: stop flag, pageit heartbeat, expired heartbeats (and, once a
        // second, the port's own: re-attach re-created rings, retry puts waiting for a stuck ring);
        // then the alarm for a log that lost entries, this pass's reports included; then what a
        // status view sees (at most once a second).
        if (Context.Stop.IsStopRequested(Rings.Attached))
        {
            return PassResult.Stopping;
        }
        CheckRingsOncePerSecond();
        parts.Pageit.SendIfDue(EpochClock.Now(time));
        var scan = parts.Expiry.Scan(EpochClock.Now(time));
        parts.LogLoss.ReportNewLoss(EpochClock.Now(time));
        parts.Status?.OnPass();
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
        bool reported = _parts.Own.TryReport(StatmgrError.Shutdown, EpochClock.Now(Context.Time), "");
        _outbox.Close(Rings.Attached);
        if (!reported)
        {
            Context.Logit.Write("et", "statmgr message 1 not found\n");
            return 255;
        }
        Rings.Dispose();
        return 0;
    }

    private void CheckRingsOncePerSecond()
    {
        long now = EpochClock.Now(Context.Time);
        if (now != _lastRingCheck)
        {
            _lastRingCheck = now;
            Rings.ReattachStale();
            _outbox.Retry(Rings.Attached);
        }
    }

    private long NextDueSecond()
    {
        long due = _parts.Pageit.NextDueSecond;
        return _parts.Expiry.NextDeathSecond() is long death && death < due ? death : due;
    }

    /// <summary>How long to wait; a wait the lap guard cut short is counted on the ring it guards.</summary>
    private TimeSpan PlanWait(bool busyMultiRing)
    {
        var now = Context.Time.GetUtcNow();
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
        long timestamp = Context.Time.GetTimestamp();
        var monitored = Rings.Monitored;
        for (var i = 0; i < monitored.Count; i++)
        {
            var ring = monitored[i];
            if (ring.Input.Sample(ring.Ring.ReadHeader(), timestamp, Context.Time) is TimeSpan lap && (guard is null || lap < guard.Value.Lap))
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
