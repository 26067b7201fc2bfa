using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor.Rings;

/// <summary>A ring statmgr reads heartbeats, errors, stops and restarts from.</summary>
internal sealed class MonitoredRing
{
    public MonitoredRing(ITransportRing ring, string debugName)
    {
        Ring = ring;
        DebugName = debugName;
    }

    /// <summary>The attachment in use (replaced when startstop re-creates the ring).</summary>
    public ITransportRing Ring { get; private set; }

    public string Name => Ring.Name;

    /// <summary>The name C prints in its heartbeat debug line: empty in single-ring mode.</summary>
    public string DebugName { get; }

    public RingInputMeter Input { get; } = new();

    /// <summary>Messages taken from the ring since startup (one too big to take is not read).</summary>
    public long MessagesRead { get; private set; }

    /// <summary>
    /// How often the ring said messages were missed before the one taken (a sequence gap, or the
    /// writers lapping statmgr): one gap may stand for several messages, and the ring does not say how many.
    /// </summary>
    public long MessagesMissed { get; private set; }

    /// <summary>Idle waits cut short so that the writers could not lap statmgr on this ring.</summary>
    public long LapGuardWaits { get; private set; }

    internal void Replace(ITransportRing ring) => Ring = ring;

    /// <summary>Counts one message the ring gave with <paramref name="status"/> (anything but "none" or "corrupt").</summary>
    internal void CountMessage(GetStatus status)
    {
        if (status != GetStatus.TooBig)
        {
            MessagesRead++;
        }
        if (status is GetStatus.Miss or GetStatus.MissLapped or GetStatus.MissSeqGap)
        {
            MessagesMissed++;
        }
    }

    internal void CountLapGuardWait() => LapGuardWaits++;
}
