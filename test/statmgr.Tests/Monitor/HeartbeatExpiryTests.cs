using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class HeartbeatExpiryTests
{
    [Test]
    public void AliveAtTsecDeadAtTsecPlusOne()
    {
        var h = Started();
        h.SetTime(T + 2);
        h.Beat(ModPick, T + 2, "4321");
        h.RunUntil(T + 32, 999);
        Assert.That(h.Reports, Is.Empty, "now - timer = 30 = tsec is not dead");
        h.RunUntil(T + 33);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 33) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n" }));
        Assert.That(h.Module(ModPick).Alive, Is.False);
        Assert.That(h.Restarts(), Is.Empty, "no restartMe");
    }

    [Test]
    public void TheLoopWakesAtTheDeadlineSecond()
    {
        var h = Started();
        h.SetTime(T + 30, 500);
        var pass = h.Manager!.RunPass();
        Assert.That(pass.Wait, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        h.Waiter.Wait(pass.Wait);
        h.Manager.RunPass();
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n" }));
    }

    [Test]
    public void ANeverSeenModuleDiesTsecPlusOneAfterStartup()
    {
        var h = Started();
        h.RunUntil(T + 30, 999);
        Assert.That(h.Reports, Is.Empty);
        h.RunUntil(T + 31);
        Assert.That(h.Reports, Has.Count.EqualTo(1));
        Assert.That(h.Waiter.Waits.Max(), Is.LessThanOrEqualTo(TimeSpan.FromMilliseconds(1024)));
    }

    [Test]
    public void DeadModuleComesAliveStampedWithTheSendersTime()
    {
        var h = Started();
        h.RunUntil(T + 31);
        h.SetTime(T + 40);
        h.Beat(ModPick, T + 38, "4321");
        h.RunUntil(T + 40, 1);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n",
            Utc(T + 38) + "  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent. Mail sent.\n",
        }));
        Assert.That((h.Module(ModPick).Alive, h.Module(ModPick).Timer), Is.EqualTo((true, T + 38)));
    }

    [Test]
    public void TheSendersClockIsTheTimer()
    {
        var h = Started();
        h.Beat(ModPick, T - 25, "1");
        h.RunUntil(T + 5, 999);
        Assert.That(h.Reports, Is.Empty);
        h.RunUntil(T + 6);
        Assert.That(h.Reports, Has.Count.EqualTo(1), "dead 31 s after the sender's time, not statmgr's");
    }

    [Test]
    public void AHeartbeatAlreadyInTheRingWhenTheDeadlineSecondArrivesCounts()
    {
        for (int ms = 1; ms <= 20; ms++)
        {
            var h = Started();
            h.SetTime(T + 30, 500);
            var pass = h.Manager!.RunPass();
            Assert.That(pass.Wait, Is.EqualTo(TimeSpan.FromMilliseconds(500)), "the wait ends at the deadline second T+31");
            // The heartbeat arrives while statmgr waits, ms before the deadline second.
            h.Advance(pass.Wait - TimeSpan.FromMilliseconds(ms));
            h.Beat(ModPick, T + 30, "4321");
            h.Advance(TimeSpan.FromMilliseconds(ms));
            h.Manager.RunPass();
            Assert.That(h.Reports, Is.Empty, $"heartbeat {ms} ms before the deadline second");
            Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T + 30));
        }
    }

    [Test]
    public void PageAndMailLimitsAreSharedByDeadAndAliveReports()
    {
        var h = Started();
        h.Pick.HeartbeatPage = 1;
        h.Pick.HeartbeatMail = 0;
        h.RunUntil(T + 31);
        h.Beat(ModPick, T + 31, "1");
        h.RunUntil(T + 32);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n",
            Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module alive\n",
        }));
        Assert.That(h.Pages, Has.Count.EqualTo(2), "the startup page and the dead page");
    }

    [Test]
    public void TsecZeroIsNeverJudgedButItsPidIsKept()
    {
        var h = new MonitorHarness();
        var tank = h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 0);
        tank.RestartMe = true;
        h.Start();
        h.Beat(ModTank, T, "999");
        h.RunUntil(T + 500);
        Assert.That(h.Reports.Where(r => r.Contains("tankplayer", StringComparison.Ordinal)), Is.Empty);
        Assert.That((h.Module(ModTank).Pid, h.Module(ModTank).Restart), Is.EqualTo(("999", Statmgr.Monitor.Modules.RestartState.RestartMe)));
    }

    [Test]
    public void HeartbeatsFromTheFarFutureAreDecodeErrorsAndTheModuleDiesWhenItsRealOnesStop()
    {
        var h = Started();
        h.SetTime(T + 2);
        h.Beat(ModPick, T + 2, "4321");
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), "9999999999 4321\n");
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), "99999999999999999999\n");
        h.RunUntil(T + 32, 999);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 2) + "  ewhost/statmgr error decoding heartbeat time, <9999999999> is more than 86400 s ahead of statmgr's clock, from mod:3\n",
            Utc(T + 2) + "  ewhost/statmgr error decoding heartbeat time, <99999999999999999999> is more than 86400 s ahead of statmgr's clock, from mod:3\n",
        }));
        h.RunUntil(T + 33);
        Assert.That(h.Reports.Last(), Is.EqualTo(Utc(T + 33) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n"),
            "tsec + 1 after the last real heartbeat");
        Assert.That(h.Waiter.Waits, Has.All.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public void AHeartbeatADayAheadOfStatmgrsClockStillCounts()
    {
        var h = Started();
        h.Beat(ModPick, T + 86_400, "4321");
        h.RunUntil(T + 1000);
        Assert.That(h.Reports, Is.Empty);
        Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T + 86_400));
    }

    [Test]
    public void DebugLogsEachHeartbeatWithTheModuleName()
    {
        var h = Started(h => h.Config.Debug = 1);
        h.Beat(ModPick, T, "4321");
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T}");
        h.Manager!.RunPass();
        Assert.That(h.Log.Entries.Take(2), Is.EqualTo(new[]
        {
            ("t", $"Debug: HB Observed in ring : inst:2 mod:MOD_PICK_EW typ:3 msg: {T} 4321\n"),
            ("t", $"Debug: HB Observed in ring : inst:2 mod:MOD_PICK_EW typ:3 msg: {T}\n"),
        }));
    }

    [Test]
    public void DebugShowsTheHeartbeatOnOneLineWithItsControlBytesVisible()
    {
        var h = Started(h => h.Config.Debug = 1);
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T} 4321\nDebug: HB Observed forged\r\u001b[2J\n");
        h.Manager!.RunPass();
        Assert.That(h.Log.Entries.First(), Is.EqualTo(
            ("t", $"Debug: HB Observed in ring : inst:2 mod:MOD_PICK_EW typ:3 msg: {T} 4321 Debug: HB Observed forged\\x0D\\x1B[2J\n")));
    }

    [Test]
    public void DebugSaysHowLongItSleeps()
    {
        var h = Started(h => h.Config.Debug = 1);
        h.Ring.BeforeGet = () =>
        {
            if (h.Now >= T + 2)
            {
                h.Ring.Flag = RingFlag.Terminate;
            }
        };
        Assert.That(h.Manager!.Run(), Is.EqualTo(0));
        Assert.That(h.Log.Entries.Where(l => l.Text.StartsWith("Debug", StringComparison.Ordinal)),
            Is.EqualTo(new[] { ("t", "Debug: statmgr sleeping for 1024 msecs\n"), ("t", "Debug: statmgr sleeping for 1024 msecs\n") }));
    }
}
