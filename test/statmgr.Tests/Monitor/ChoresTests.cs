using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class ChoresTests
{
    private static MonitorHarness Started(Action<MonitorHarness>? setup = null)
    {
        var h = MonitorHarness.Started(h =>
        {
            h.Pick.HeartbeatTsec = 0;
            setup?.Invoke(h);
        });
        h.Ring.Puts.Clear();
        return h;
    }

    [Test]
    public void PageitHeartbeatEveryHeartbeatPageitSeconds()
    {
        var h = Started();
        h.RunUntil(T + 59, 999);
        Assert.That(h.Pages, Is.Empty);
        h.RunUntil(T + 60);
        Assert.That(h.Pages, Is.EqualTo(new[] { "alive:ewhost#" }));
        Assert.That(h.Ring.Puts.Single().Logo, Is.EqualTo(new Logo(Inst, ModStatmgr, Types.Page)));
        h.RunUntil(T + 180);
        Assert.That(h.Pages, Has.Count.EqualTo(3));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void PageitHeartbeatAtMostOnceASecondWhenZeroOrNegative(int interval)
    {
        var h = Started(h => h.Config.HeartbeatPageit = interval);
        h.RunUntil(T + 10, 500);
        Assert.That(h.Pages, Has.Count.EqualTo(10));
    }

    [Test]
    public void TerminateFlagStopsWithTheShutdownReport()
    {
        var h = Started();
        h.RunUntil(T + 5);
        h.Ring.Flag = RingFlag.Terminate;
        Assert.That(h.Manager!.RunPass().Stop, Is.True);
        Assert.That(h.Manager.Stop(), Is.EqualTo(0));
        string report = Utc(T + 5) + "  ewhost/statmgr Program stopping. Page sent. Mail sent.\n";
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("e", report) }));
        Assert.That(h.Pages, Is.EqualTo(new[] { "group: ops " + report + "#" }));
        Assert.That(h.Ring.Disposed, Is.True);
    }

    [Test]
    public void OwnPidInTheFlagStops()
    {
        var h = Started();
        h.Ring.Flag = OwnPid + 1;
        Assert.That(h.Manager!.RunPass().Stop, Is.False, "another module's pid");
        h.Ring.Flag = OwnPid;
        Assert.That(h.Manager.RunPass().Stop, Is.True);
    }

    [Test]
    public void SignalStopsEvenDuringAFlood()
    {
        var h = Started();
        int reads = 0;
        h.Ring.BeforeGet = () =>
        {
            if (++reads == 5)
            {
                h.Stop.Request();
            }
            h.SendError(ModPick, T, 99);
        };
        Assert.That(h.Manager!.Run(), Is.EqualTo(0));
        Assert.That(reads, Is.EqualTo(5));
        Assert.That(h.Reports.Single(), Does.EndWith("ewhost/statmgr Program stopping. Page sent. Mail sent.\n"));
    }

    [Test]
    public void WithoutError1StopSaysSoAndExits255WithoutDetaching()
    {
        var h = Started(h => h.Statmgr.Errors.RemoveAll(e => e.Number == 1));
        h.Ring.Flag = RingFlag.Terminate;
        Assert.That(h.Manager!.Run(), Is.EqualTo(255));
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("et", "statmgr message 1 not found\n") }));
        Assert.That(h.Ring.Disposed, Is.False);
    }

    [Test]
    public void AFloodCannotStarveTheChores()
    {
        var h = Started(h => h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 3));
        // Every read finds another message and takes 5 ms: the ring is never empty.
        h.Ring.BeforeGet = () =>
        {
            h.Advance(TimeSpan.FromMilliseconds(5));
            h.SendError(ModPick, T, 99);
        };
        var pass = h.Manager!.RunPass();
        Assert.That(pass.Wait, Is.EqualTo(TimeSpan.Zero), "a cut drain goes on at once");
        Assert.That(h.Time.GetUtcNow(), Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(T).AddSeconds(1)));
        for (var passes = 1; h.Now < T + 4; passes++)
        {
            Assert.That(passes, Is.LessThanOrEqualTo(MaxPasses), "the passes stopped moving the clock");
            h.Manager.RunPass();
        }
        h.Manager.RunPass();
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 4) + "  ewhost/tankplayer (MOD_TANKPLAYER) module dead\n" }));
        h.Ring.Flag = RingFlag.Terminate;
        Assert.That(h.Manager.RunPass().Stop, Is.True, "the flag is seen within a second");
    }

    [Test]
    public void ARecreatedRingIsAttachedAgain()
    {
        var h = Started();
        var old = h.Ring;
        var fresh = new InMemoryRing("STATUS_RING", 1050);
        h.Rings["STATUS_RING"] = fresh;
        old.IsStale = true;
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("et", "statmgr: ring STATUS_RING (key 1050) was re-created; attached to the new one\n") }));
        Assert.That(old.Disposed, Is.True);
        fresh.Beat(ModPick, T + 1, "9");
        h.RunUntil(T + 2);
        Assert.That(h.Module(ModPick).Pid, Is.EqualTo("9"));
        h.RunUntil(T + 60);
        Assert.That(fresh.PutTexts(Types.Page), Is.EqualTo(new[] { "alive:ewhost#" }));
    }

    [Test]
    public void ARemovedRingIsSaidOnceAndWatchedAgainWhenItComesBack()
    {
        var h = Started();
        var old = h.Ring;
        h.Rings.Clear();
        old.IsStale = true;
        h.RunUntil(T + 5);
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("et", "statmgr: ring STATUS_RING (key 1050) was removed and cannot be attached again (no ring STATUS_RING 1050); still trying\n") }));
        h.Rings["STATUS_RING"] = new InMemoryRing("STATUS_RING", 1050);
        h.RunUntil(T + 7);
        Assert.That(h.Log.Texts.Last(), Is.EqualTo("statmgr: ring STATUS_RING (key 1050) was re-created; attached to the new one\n"));
    }
}
