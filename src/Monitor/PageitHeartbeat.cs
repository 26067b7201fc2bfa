using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// The <c>alive:&lt;SYS_NAME&gt;#</c> page that tells pageit statmgr is running, every
/// heartbeatPageit seconds; 0 or negative means at most once a second.
/// </summary>
internal sealed class PageitHeartbeat
{
    private readonly Pager _pager;
    private readonly string _sysName;

    public PageitHeartbeat(Pager pager, string sysName, int intervalSeconds)
    {
        _pager = pager;
        _sysName = sysName;
        Interval = Math.Max(intervalSeconds, 1);
    }

    public int Interval { get; }

    /// <summary>When the last beat went out (startup time before the first).</summary>
    public long LastSent { get; private set; }

    public long NextDueSecond => LastSent + Interval;

    public void Start(long now) => LastSent = now;

    /// <summary>A reload's pageit heartbeat: the next beat is due when <paramref name="previous"/>'s was, then every <see cref="Interval"/>.</summary>
    public void ContinueFrom(PageitHeartbeat previous) => LastSent = previous.NextDueSecond - Interval;

    public void SendIfDue(long now)
    {
        if (now - LastSent >= Interval)
        {
            LastSent = now;
            _pager.SendHeartbeat(_sysName);
        }
    }
}
