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

    internal void Replace(ITransportRing ring) => Ring = ring;
}
