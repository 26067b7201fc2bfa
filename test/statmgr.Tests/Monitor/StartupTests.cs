using Statmgr.Earthworm;
using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class StartupTests
{
    [Test]
    public void StartupReportIsLoggedPagedAndMailed()
    {
        var h = new MonitorHarness();
        h.Start();
        string report = Utc(StartTime) + "  ewhost/statmgr Program starting. Page sent. Mail sent.\n";
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("e", report) }));
        Assert.That(h.Pages, Is.EqualTo(new[] { "group: ops " + report + "#" }));
        Assert.That(h.Ring.Puts.Single().Logo, Is.EqualTo(new Logo(Inst, ModStatmgr, Types.Page)));
        Assert.That(h.Mail.Sent.Single().Recipients, Is.EqualTo(new[] { "ops@example.org", "boss@example.org" }));
        Assert.That(h.Mail.Sent.Single().ReportText, Is.EqualTo(report));
    }

    [Test]
    public void MissingStartupErrorIsSaid()
    {
        var h = new MonitorHarness();
        h.Statmgr.Errors.RemoveAt(0);
        h.Start();
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("e", "statmgr message 0 not found\n") }));
    }

    [Test]
    public void MessagesAlreadyInTheRingAreFlushed()
    {
        var h = new MonitorHarness();
        h.Ring.Enqueue(From(ModTank, Types.Heartbeat), "1 2\n");
        h.SendError(ModPick, StartTime, 3, "old news");
        h.Ring.Enqueue(From(ModPick, 99), "not a status message\n");
        h.Start();
        h.RunUntil(StartTime + 1);
        Assert.That(h.Reports, Has.Count.EqualTo(1), "only the startup report");
        Assert.That(h.Ring.Waiting, Is.EqualTo(0));
        Assert.That(h.Ring.Flushes, Is.EqualTo(1));
    }

    [Test]
    public void EveryModuleStartsAliveWithTheStartupTime()
    {
        var h = new MonitorHarness();
        h.Start();
        var pick = h.Module(ModPick);
        Assert.That((pick.Alive, pick.Timer, pick.DeathSecond), Is.EqualTo((true, StartTime, (long?)(StartTime + 31))));
        Assert.That(h.Module(ModStatmgr).DeathSecond, Is.Null, "tsec 0 is not monitored");
    }

    [Test]
    public void ARingThatCannotBeAttachedEndsWithStatusOne()
    {
        var h = new MonitorHarness();
        h.Rings.Clear();
        var context = h.Context();
        var failing = new Statmgr.Monitor.MonitorContext
        {
            Config = context.Config, OwnDescriptor = context.OwnDescriptor, LocalInstallation = context.LocalInstallation,
            Types = context.Types, SysName = context.SysName, ModuleName = context.ModuleName,
            Logit = context.Logit, Mail = context.Mail, Time = context.Time, Stop = context.Stop,
            AttachRing = (name, key) => throw new RingNotFoundException(name, key),
        };
        var ex = Assert.Throws<EarthwormExitException>(() => Statmgr.Monitor.MonitorStartup.Start(failing));
        const string text = "statmgr: transport ring STATUS_RING (key 1050) does not exist; startstop normally creates it from its Ring lines; exiting.\n";
        Assert.That(ex!.ExitCode, Is.EqualTo(1));
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("et", text) }));
    }
}
