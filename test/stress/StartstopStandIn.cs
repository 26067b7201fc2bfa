using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Stress;

/// <summary>startstop's part in CheckAllRings: answers TYPE_REQSTATUS on STATUS_RING with a TYPE_STATUS listing the site's rings.</summary>
internal sealed class StartstopStandIn : IDisposable
{
    private readonly TransportRing _ring;
    private readonly string _status;
    private readonly Thread _thread;
    private volatile bool _stop;

    public StartstopStandIn(StressSite site)
    {
        _ring = SystemVRing.Attach("STATUS_RING", site.KeyOf("STATUS_RING"));
        var text = new StringBuilder("                    EARTHWORM-64 SYSTEM STATUS\n\n");
        text.Append(CultureInfo.InvariantCulture, $"        Hostname-OS:            {StressSite.SysName} - Linux\n");
        var index = 1;
        foreach (var (name, ring) in site.Rings)
        {
            text.Append(CultureInfo.InvariantCulture, $"        Ring {index++,2} name/key/size:  {name} / {ring.Key} / {ring.KeyMax / 1024 + 1} kb\n");
        }
        text.Append("        Startstop's Log Dir:    /tmp/\n");
        _status = text.ToString();
        _thread = new Thread(Answer) { IsBackground = true, Name = "startstop stand-in" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        _ring.Dispose();
    }

    private void Answer()
    {
        var buffer = new byte[512];
        Logo[] requests = [new Logo(StressSite.Inst, 0, StressSite.TypeReqStatus)];
        while (!_stop)
        {
            if (_ring.GetMessage(requests, buffer, out _, out _) is GetStatus.None)
            {
                Thread.Sleep(10);
                continue;
            }
            _ring.Put(new Logo(StressSite.Inst, StressSite.ModStartstop, StressSite.TypeStatus), Encoding.ASCII.GetBytes(_status));
        }
    }
}
