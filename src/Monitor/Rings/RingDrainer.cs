using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// Takes every waiting status message from every monitored ring, ring after ring, before the
/// chores run, so a heartbeat already in a ring is never judged missing. A flood cannot starve
/// the chores (B30): after a second of draining it stops, the chores run, and the next pass goes
/// on at once from the following ring.
/// </summary>
internal sealed class RingDrainer
{
    /// <summary>C reads with a 512-byte buffer and keeps room for the NUL: longer is GET_TOOBIG.</summary>
    public const int MaxMessageBytes = 511;

    /// <summary>The longest drain before the chores must run.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private readonly Logo[] _wanted;
    private readonly MessageDispatcher _dispatcher;
    private readonly TransportProblemReporter _transport;
    private readonly StopSource _stop;
    private readonly ILogit _logit;
    private readonly bool _logRingVisits;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer = new byte[MaxMessageBytes];
    private int _next;

    public RingDrainer(RingSet rings, Logo[] wanted, MessageDispatcher dispatcher, TransportProblemReporter transport,
        StopSource stop, ILogit logit, bool logRingVisits, TimeProvider time)
    {
        Rings = rings;
        _wanted = wanted;
        _dispatcher = dispatcher;
        _transport = transport;
        _stop = stop;
        _logit = logit;
        _logRingVisits = logRingVisits;
        _time = time;
    }

    /// <summary>The rings drained, in the order they are visited.</summary>
    public RingSet Rings { get; }

    public DrainResult Drain()
    {
        var rings = Rings.Monitored;
        long start = _time.GetTimestamp();
        bool any = false;
        for (int visited = 0; visited < rings.Count; visited++)
        {
            var ring = rings[_next];
            if (_logRingVisits)
            {
                _logit.Write("t", $"Debug: Checking ring {ring.Name} \n");
            }
            bool finished = DrainRing(ring, start, ref any);
            _next = (_next + 1) % rings.Count;
            if (!finished)
            {
                return new DrainResult(any, false);
            }
        }
        return new DrainResult(any, true);
    }

    /// <summary>False when draining stopped early for the chores or a stop signal.</summary>
    private bool DrainRing(MonitoredRing ring, long start, ref bool any)
    {
        while (true)
        {
            if (_time.GetElapsedTime(start) >= Budget || _stop.Requested)
            {
                return false;
            }
            var status = ring.Ring.GetMessage(_wanted, _buffer, out var logo, out int length);
            if (status == GetStatus.None)
            {
                return true;
            }
            if (status == GetStatus.Corrupt)
            {
                // The reader has skipped past the damage; say what it was and go on.
                _logit.Write("et", $"statmgr: {ring.Ring.LastProblem ?? $"ring {ring.Name} (key {ring.Ring.Key}) is corrupt"}\n");
                continue;
            }
            any = true;
            ring.CountMessage(status);
            if (status != GetStatus.Ok && !_transport.Report(ring, status, logo, length))
            {
                continue;
            }
            _dispatcher.Handle(ring, logo, _buffer.AsSpan(0, Math.Clamp(length, 0, _buffer.Length)));
        }
    }
}

/// <summary>How a drain of the rings ended: whether it read anything, and whether every ring said "none".</summary>
internal readonly record struct DrainResult(bool ReadAny, bool Finished);
