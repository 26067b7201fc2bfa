using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Notify;

/// <summary>
/// C's PageOut and SendPageHeart: puts TYPE_PAGE messages, from statmgr's logo, on the page ring
/// (the RingName ring) for pagerfeeder to pass on to pageit.
/// </summary>
public sealed class Pager
{
    private readonly ITransportRing _pageRing;
    private readonly Logo _pageLogo;
    private readonly int _maxBytes;
    private readonly ILogit _logit;
    private bool _cutReported;

    public Pager(ITransportRing pageRing, Logo pageLogo, int maxBytes, ILogit logit)
    {
        _pageRing = pageRing;
        _pageLogo = pageLogo;
        _maxBytes = maxBytes;
        _logit = logit;
    }

    /// <summary>
    /// One page per group, in order. Returns C's status: that of the last group only
    /// (0 sent, -1 not sent); 0 when there is no group.
    /// </summary>
    public int PageOut(IReadOnlyList<string> groups, string reportText)
    {
        int status = 0;
        foreach (var group in groups)
        {
            var message = PageMessage.ForGroup(group, reportText, _maxBytes, out bool cut);
            NoteCut(cut);
            status = 0;
            if (_pageRing.Put(_pageLogo, message) != PutStatus.Ok)
            {
                _logit.Write("e", "Error sending pageit message to transport region.\n");
                status = -1;
            }
        }
        return status;
    }

    /// <summary>The pageit heartbeat, <c>alive:&lt;SYS_NAME&gt;#</c>.</summary>
    public void SendHeartbeat(string sysName)
    {
        var message = PageMessage.Heartbeat(sysName, _maxBytes, out bool cut);
        NoteCut(cut);
        if (_pageRing.Put(_pageLogo, message) != PutStatus.Ok)
        {
            _logit.Write("e", "Error sending pageit hbeat to transport region.\n");
        }
    }

    private void NoteCut(bool cut)
    {
        if (cut && !_cutReported)
        {
            _cutReported = true;
            _logit.Write("et", $"statmgr: a page was longer than PageMaxBytes ({_maxBytes}); its text was cut to fit, ending with #\n");
        }
    }
}
