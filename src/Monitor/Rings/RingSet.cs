using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// Every ring statmgr has attached: the page ring (RingName) and the monitored rings, which in
/// single-ring mode are one and the same attachment. When startstop re-creates a ring under
/// statmgr (its key then names new memory) the attachment is replaced, so statmgr does not go on
/// watching memory nobody writes to.
/// </summary>
internal sealed class RingSet : IDisposable
{
    private readonly Func<string, long, ITransportRing> _attach;
    private readonly ILogit _logit;
    private readonly HashSet<long> _reportedGone = new();

    /// <param name="multiRing">CheckAllRings mode: the monitored rings are startstop's list, each attached on its own.</param>
    public RingSet(ITransportRing pageRing, IReadOnlyList<MonitoredRing> monitored, bool multiRing, Func<string, long, ITransportRing> attach,
        ILogit logit)
    {
        PageRing = pageRing;
        Monitored = monitored;
        MultiRing = multiRing;
        _attach = attach;
        _logit = logit;
    }

    public ITransportRing PageRing { get; private set; }

    public IReadOnlyList<MonitoredRing> Monitored { get; }

    /// <summary>CheckAllRings mode (false when statmgr watches only its RingName ring).</summary>
    public bool MultiRing { get; }

    /// <summary>Every attachment once (the page ring first).</summary>
    public IEnumerable<ITransportRing> Attached
    {
        get
        {
            yield return PageRing;
            foreach (var ring in Monitored)
            {
                if (!ReferenceEquals(ring.Ring, PageRing))
                {
                    yield return ring.Ring;
                }
            }
        }
    }

    /// <summary>Attaches again to every ring whose key now names other memory.</summary>
    public void ReattachStale()
    {
        foreach (var ring in Attached.ToList())
        {
            if (!ring.IsStale)
            {
                continue;
            }
            ITransportRing fresh;
            try
            {
                fresh = _attach(ring.Name, ring.Key);
            }
            catch (Exception ex) when (ex is TransportRingException or Statmgr.Earthworm.EarthwormExitException)
            {
                if (_reportedGone.Add(ring.Key))
                {
                    _logit.Write("et", $"statmgr: ring {ring.Name} (key {ring.Key}) was removed and cannot be attached again ({ex.Message.TrimEnd('\n')}); still trying\n");
                }
                continue;
            }
            _reportedGone.Remove(ring.Key);
            _logit.Write("et", $"statmgr: ring {ring.Name} (key {ring.Key}) was re-created; attached to the new one\n");
            if (ReferenceEquals(ring, PageRing))
            {
                PageRing = fresh;
            }
            foreach (var monitored in Monitored)
            {
                if (ReferenceEquals(monitored.Ring, ring))
                {
                    monitored.Replace(fresh);
                }
            }
            ring.Dispose();
        }
    }

    /// <summary>Detaches every ring.</summary>
    public void Dispose()
    {
        foreach (var ring in Attached.ToList())
        {
            ring.Dispose();
        }
    }
}
