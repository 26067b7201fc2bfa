using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.EwSupervisor;
using Statmgr.TestSupport;

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
        var now = DateTimeOffset.UtcNow;
        _status = StatusText.Format(new StatusSnapshot
        {
            HostName = StressSite.SysName,
            OsName = "Linux",
            OsRelease = Environment.OSVersion.Version.ToString(),
            StartTime = now,
            CurrentTime = now,
            Rings = [.. site.Rings.Select(r => new StatusRing(r.Key, checked((int)r.Value.Key), (long)(r.Value.KeyMax / 1024) + 1))],
            LogDir = site.LogDirectory + "/",
            ParamsDir = site.ParamsDirectory,
            Version = "stress stand-in",
            ParentName = "startstop",
            ParentPid = Environment.ProcessId,
            ParentCpuUsed = TimeSpan.Zero,
            Children = [],
        });
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
        Logo[] requests = [new Logo(SiteNumbers.Inst, 0, SiteNumbers.TypeReqStatus)];
        while (!_stop)
        {
            if (_ring.GetMessage(requests, buffer, out _, out _) is GetStatus.None)
            {
                Thread.Sleep(10);
                continue;
            }
            _ring.Put(new Logo(SiteNumbers.Inst, SiteNumbers.ModStartstop, SiteNumbers.TypeStatus), Encoding.ASCII.GetBytes(_status));
        }
    }
}
