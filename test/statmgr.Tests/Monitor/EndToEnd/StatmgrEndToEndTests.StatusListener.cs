using System.Net;
using System.Net.Sockets;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>StatusListen on an address statmgr cannot bind: one log line, and monitoring as usual.</summary>
public partial class StatmgrEndToEndTests
{
    [Test]
    public void AStatusListenAddressInUseIsLoggedOnceAndAModuleDeathIsStillReported()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        _site.WriteConfig(pickTsec: 3);
        File.AppendAllText(Path.Combine(_site.ParamsDirectory, "statmgr.d"), $"StatusListen 127.0.0.1:{port}\n");
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        _site.StartStatmgr();
        var notStarted = $"statmgr: status listener on 127.0.0.1:{port} not started: Address already in use; monitoring goes on\n";
        _site.WaitForLog(notStarted, StartupLimit);
        _site.WaitForLog(StartupReport, StartupLimit);

        using var module = _site.StartModule(_site.StatusKey, ModPick, 500, 1500);
        Assert.That(module.WaitForExit(30_000), Is.True);
        _site.WaitForLog("ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n", TimeSpan.FromSeconds(3 + 2));

        _site.Terminate();
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), _site.Stderr);
        Assert.That(Occurrences(_site.Log(), notStarted), Is.EqualTo(1));
    }
}
