using System.Globalization;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Monitor;

/// <summary>
/// statmgr's main loop, C's story: take every waiting message and handle it; then the chores
/// (stop flag, pageit heartbeat, expired heartbeats); then wait until something is due.
/// </summary>
public sealed class StatusManager
{
    private readonly RingSet _rings;
    private readonly RingDrainer _drainer;
    private readonly ShutdownWatch _shutdown;
    private readonly PageitHeartbeat _pageit;
    private readonly HeartbeatExpiryScan _expiry;
    private readonly IdleWait _idleWait;
    private readonly IIdleWaiter _waiter;
    private readonly OwnErrorReporter _own;
    private readonly bool _multiRing;
    private readonly bool _debug;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;
    private long _lastRingCheck;

    public StatusManager(ModuleTable modules, RingSet rings, RingDrainer drainer, ShutdownWatch shutdown, PageitHeartbeat pageit,
        HeartbeatExpiryScan expiry, IdleWait idleWait, IIdleWaiter waiter, OwnErrorReporter own, bool multiRing, int debug,
        ILogit logit, TimeProvider time)
    {
        Modules = modules;
        _rings = rings;
        _drainer = drainer;
        _shutdown = shutdown;
        _pageit = pageit;
        _expiry = expiry;
        _idleWait = idleWait;
        _waiter = waiter;
        _own = own;
        _multiRing = multiRing;
        _debug = debug >= 1;
        _logit = logit;
        _time = time;
        _lastRingCheck = EpochClock.Now(time);
    }

    /// <summary>Every module's health, for a status view.</summary>
    public ModuleTable Modules { get; }

    public RingSet Rings => _rings;

    public ShutdownWatch Shutdown => _shutdown;

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
                _waiter.Wait(pass.Wait);
            }
        }
    }

    /// <summary>One pass: drain every ring, do the chores, and say how long to wait.</summary>
    public PassResult RunPass()
    {
        // Every message waiting in every ring first, so no heartbeat is judged missing while it waits.
        var drained = _drainer.Drain();

        // The chores, in C's order: stop flag, pageit heartbeat, expired heartbeats.
        if (_shutdown.IsStopRequested())
        {
            return PassResult.Stopping;
        }
        CheckRingsOncePerSecond();
        _pageit.SendIfDue(EpochClock.Now(_time));
        if (_expiry.Scan(EpochClock.Now(_time)) == ScanOutcome.Abandoned || !drained.Finished)
        {
            return PassResult.Again;
        }

        // Then wait, until the next thing is due.
        return new PassResult(false, _idleWait.Next(_time.GetUtcNow(), NextDueSecond(), LapGuard(), drained.ReadAny && _multiRing));
    }

    /// <summary>
    /// C's shutdown: report statmgr error 1 and detach (exit 0); without error 1 in statmgr.desc,
    /// say so and exit 255 as C does.
    /// </summary>
    public int Stop()
    {
        if (!_own.TryReport(StatmgrError.Shutdown, EpochClock.Now(_time), ""))
        {
            _logit.Write("et", "statmgr message 1 not found\n");
            return 255;
        }
        _rings.Dispose();
        return 0;
    }

    private void CheckRingsOncePerSecond()
    {
        long now = EpochClock.Now(_time);
        if (now != _lastRingCheck)
        {
            _lastRingCheck = now;
            _rings.ReattachStale();
        }
    }

    private long NextDueSecond()
    {
        long due = _pageit.NextDueSecond;
        return _expiry.NextDeathSecond() is long death && death < due ? death : due;
    }

    private TimeSpan? LapGuard()
    {
        TimeSpan? guard = null;
        long timestamp = _time.GetTimestamp();
        foreach (var ring in _rings.Monitored)
        {
            if (ring.Input.Sample(ring.Ring.ReadHeader(), timestamp, _time) is TimeSpan lap && (guard is null || lap < guard))
            {
                guard = lap;
            }
        }
        return guard;
    }
}
