using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Notify;

/// <summary>
/// C's PageOut and SendPageHeart: puts TYPE_PAGE messages, from statmgr's logo, on the page ring
/// (the RingName ring) for pagerfeeder to pass on to pageit, through the outbox, so that a stuck
/// page ring costs the loop one timed wait only.
/// </summary>
internal sealed class Pager
{
    private readonly Func<ITransportRing> _pageRing;
    private readonly Logo _pageLogo;
    private readonly int _maxBytes;
    private readonly RingOutbox _outbox;
    private readonly ILogit _logit;
    private bool _cutReported;
    private OutgoingMessage? _heartbeat;
    private string? _heartbeatSysName;

    /// <param name="pageRing">The page ring as attached now (it can be attached again if startstop re-creates it).</param>
    public Pager(Func<ITransportRing> pageRing, Logo pageLogo, int maxBytes, RingOutbox outbox, ILogit logit)
    {
        _pageRing = pageRing;
        _pageLogo = pageLogo;
        _maxBytes = maxBytes;
        _outbox = outbox;
        _logit = logit;
    }

    /// <summary>
    /// One page per group, in order. Returns C's status: that of the last group only
    /// (0 sent or queued for a stuck ring, -1 not sent); 0 when there is no group.
    /// </summary>
    public int PageOut(IReadOnlyList<string> groups, string reportText)
    {
        int status = 0;
        foreach (var group in groups)
        {
            var message = PageMessage.ForGroup(group, reportText, _maxBytes, out bool cut);
            NoteCut(cut);
            status = Put(message, "page to group " + group, "Error sending pageit message to transport region.\n") ? 0 : -1;
        }
        return status;
    }

    /// <summary>The pageit heartbeat, <c>alive:&lt;SYS_NAME&gt;#</c>.</summary>
    public void SendHeartbeat(string sysName)
    {
        // Made once and sent as it is every heartbeatPageit seconds for the life of the process:
        // an idle statmgr allocates nothing.
        if (_heartbeat is null || _heartbeatSysName != sysName)
        {
            var body = PageMessage.Heartbeat(sysName, _maxBytes, out bool cut);
            NoteCut(cut);
            _heartbeat = Message(body, "pageit heartbeat", "Error sending pageit hbeat to transport region.\n");
            _heartbeatSysName = sysName;
        }
        _outbox.Put(_pageRing(), _heartbeat);
    }

    private bool Put(byte[] message, string what, string failureText) => _outbox.Put(_pageRing(), Message(message, what, failureText));

    private OutgoingMessage Message(byte[] body, string what, string failureText) => new(_pageLogo, body, what, "e", failureText);

    private void NoteCut(bool cut)
    {
        if (cut && !_cutReported)
        {
            _cutReported = true;
            _logit.Write("et", $"statmgr: a page was longer than PageMaxBytes ({_maxBytes}); its text was cut to fit, ending with #\n");
        }
    }
}
