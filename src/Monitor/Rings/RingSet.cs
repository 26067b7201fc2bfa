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
    private ITransportRing[] _attached;

    /// <param name="multiRing">CheckAllRings mode: the monitored rings are startstop's list, each attached on its own.</param>
    public RingSet(ITransportRing pageRing, IReadOnlyList<MonitoredRing> monitored, bool multiRing, Func<string, long, ITransportRing> attach,
        ILogit logit)
    {
        PageRing = pageRing;
        Monitored = monitored;
        MultiRing = multiRing;
        _attach = attach;
        _logit = logit;
        _attached = CollectAttached();
    }

    public ITransportRing PageRing { get; private set; }

    public IReadOnlyList<MonitoredRing> Monitored { get; private set; }

    /// <summary>CheckAllRings mode (false when statmgr watches only its RingName ring).</summary>
    public bool MultiRing { get; private set; }

    /// <summary>
    /// Every attachment once (the page ring first). A list kept between re-attachments, not made on
    /// each call: the loop asks for it every pass, and an idle statmgr must allocate nothing.
    /// </summary>
    public IReadOnlyList<ITransportRing> Attached => _attached;

    /// <summary>Attaches again to every ring whose key now names other memory.</summary>
    public void ReattachStale()
    {
        // The array in hand is replaced, never changed, when a ring is attached again.
        var attached = _attached;
        var replaced = false;
        foreach (var ring in attached)
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
            replaced = true;
        }
        if (replaced)
        {
            _attached = CollectAttached();
        }
    }

    /// <summary>
    /// A reload's rings: from now on these are read and paged to, and every attachment no longer
    /// among them is detached. A ring kept keeps its <see cref="MonitoredRing"/>, and with it its
    /// reader's place, so no message is lost or read twice.
    /// </summary>
    public void Replace(ITransportRing pageRing, IReadOnlyList<MonitoredRing> monitored, bool multiRing)
    {
        var before = _attached;
        PageRing = pageRing;
        Monitored = monitored;
        MultiRing = multiRing;
        _attached = CollectAttached();
        foreach (var ring in before)
        {
            if (Array.IndexOf(_attached, ring) < 0)
            {
                ring.Dispose();
            }
        }
    }

    /// <summary>Detaches every ring.</summary>
    public void Dispose()
    {
        foreach (var ring in _attached)
        {
            ring.Dispose();
        }
    }

    private ITransportRing[] CollectAttached()
    {
        var attached = new List<ITransportRing> { PageRing };
        foreach (var ring in Monitored)
        {
            if (!attached.Contains(ring.Ring))
            {
                attached.Add(ring.Ring);
            }
        }
        return attached.ToArray();
    }
}
