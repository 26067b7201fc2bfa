using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor;

/// <summary>
/// statmgr's main loop, C's story: take every waiting message and handle it; then the chores
/// (stop flag, pageit heartbeat, expired heartbeats); then wait until something is due.
/// </summary>
public sealed class StatusManager
{
    private readonly RingDrainer _drainer;
    private readonly ShutdownWatch _shutdown;
    private readonly PageitHeartbeat _pageit;
    private readonly HeartbeatExpiryScan _expiry;
    private readonly IdleWait _idleWait;
    private readonly IIdleWaiter _waiter;
    private readonly OwnErrorReporter _own;
    private readonly IReadOnlyList<ITransportRing> _attached;
    private readonly bool _multiRing;
    private readonly bool _debug;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;
    private long _lastChores;

    public StatusManager(ModuleTable modules, RingDrainer drainer, ShutdownWatch shutdown, PageitHeartbeat pageit, HeartbeatExpiryScan expiry,
        IdleWait idleWait, IIdleWaiter waiter, OwnErrorReporter own, IReadOnlyList<ITransportRing> attached, bool multiRing, int debug,
        ILogit logit, TimeProvider time)
    {
        Modules = modules;
        _drainer = drainer;
        _shutdown = shutdown;
        _pageit = pageit;
        _expiry = expiry;
        _idleWait = idleWait;
        _waiter = waiter;
        _own = own;
        _attached = attached;
        _multiRing = multiRing;
        _debug = debug >= 1;
        _logit = logit;
        _time = time;
        _lastChores = time.GetTimestamp();
    }

    /// <summary>Every module's health, for a status view.</summary>
    public ModuleTable Modules { get; }

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

    /// <summary>One pass: drain, chores, and how long to wait.</summary>
    public PassResult RunPass()
    {
        bool hadMessages = _drainer.Drain(_lastChores);
        _lastChores = _time.GetTimestamp();

        if (_shutdown.IsStopRequested())
        {
            return PassResult.Stopping;
        }
        _pageit.SendIfDue(EpochClock.Now(_time));
        if (_expiry.Scan(EpochClock.Now(_time)) == ScanOutcome.Abandoned)
        {
            return PassResult.Again;
        }
        return new PassResult(false, _idleWait.Next(_time.GetUtcNow(), NextDueSecond(), null, hadMessages && _multiRing));
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
        foreach (var ring in _attached)
        {
            ring.Dispose();
        }
        return 0;
    }

    private long NextDueSecond()
    {
        long due = _pageit.NextDueSecond;
        return _expiry.NextDeathSecond() is long death && death < due ? death : due;
    }
}
