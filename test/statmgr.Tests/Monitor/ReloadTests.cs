using Statmgr.Config;
using Statmgr.Monitor;
using Statmgr.Monitor.Modules;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// A reload applied between two passes, on a fake clock: kept modules keep every timer, counter
/// and restart state; new ones get a full tsec; removed ones are forgotten; a refused reading
/// changes nothing and says why; no reload ever sends a report or costs a heartbeat.
/// </summary>
public class ReloadTests
{
    private const string Done = "statmgr: reload done\n";

    [Test]
    public void ReloadKeepsTheTimersAndCountersOfUnchangedModules()
    {
        var h = Started(h =>
        {
            h.Pick.RestartMe = true;
            h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 10, page: 1, mail: 1);
        });
        // pick_ew armed with its pid, its timer at T: dead at T + 31. tankplayer dies at T + 11 and uses its page and mail.
        h.Beat(ModPick, T, "1234");
        h.RunUntil(T + 20);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 11) + "  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.\n" }));
        int puts = h.Ring.Puts.Count;
        int mails = h.Mail.Sent.Count;

        var next = h.NextConfig();
        next.Descriptors.Single(d => d.ModId == ModPick).MailRecipients.Add("night@example.org");
        h.Reload(next);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: changed recipients of pick_ew\n", Done }));
        Assert.That(h.Ring.Puts, Has.Count.EqualTo(puts), "a reload puts nothing on a ring");
        Assert.That(h.Mail.Sent, Has.Count.EqualTo(mails), "a reload mails nothing");
        var pick = h.Module(ModPick);
        Assert.That((pick.Alive, pick.Timer, pick.Pid, pick.Restart), Is.EqualTo((true, T, "1234", RestartState.RestartMe)));
        var tank = h.Module(ModTank);
        Assert.That((tank.Alive, tank.HeartbeatCounters.Pages, tank.HeartbeatCounters.Mails), Is.EqualTo((false, 1, 1)));
        Assert.That(tank.Descriptor, Is.SameAs(next.Descriptors.Single(d => d.ModId == ModTank)), "the new descriptor rules from now on");

        h.RunUntil(T + 30, 999);
        Assert.That(h.Reports, Has.Count.EqualTo(1), "no death before its second");
        h.RunUntil(T + 31, 1);
        Assert.That(h.Reports[1], Is.EqualTo(Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n"));
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "1234\n" }), "the restart state came through the reload");
        Assert.That(h.Mail.Sent.Last().Recipients, Does.Contain("night@example.org"), "the new recipients get the next report");

        h.Beat(ModTank, T + 32);
        h.RunUntil(T + 32, 1);
        Assert.That(h.Reports[2], Is.EqualTo(Utc(T + 32) + "  ewhost/tankplayer (MOD_TANKPLAYER) module alive\n"),
            "the page and mail tankplayer used before the reload stay used");
    }

    [Test]
    public void AModuleAddedByReloadGetsAFullTsecOfGrace()
    {
        var h = Started(h => h.Pick.HeartbeatTsec = 0);
        h.RunUntil(T + 100, 500);
        var next = h.NextConfig();
        next.Descriptors.Add(NewDescriptor("tankplayer", "MOD_TANKPLAYER", ModTank, 10, 1, 1));

        h.Reload(next);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: added tankplayer\n", Done }));
        Assert.That(h.Module(ModTank).Timer, Is.EqualTo(T + 100));
        h.RunUntil(T + 110, 999);
        Assert.That(h.Reports, Is.Empty, "not dead before tsec + 1 after the reload second");
        h.RunUntil(T + 111, 1);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 111) + "  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.\n" }));
    }

    [Test]
    public void ARefusedReloadChangesNothingAndSaysWhyWithFileAndLine()
    {
        var h = Started();
        h.RunUntil(T + 10);
        var next = h.NextConfig();
        next.HeartbeatPageit = 30;
        h.Reload(next);
        var modules = h.Manager!.Modules;
        var running = h.Manager.Context.Config;
        h.RunUntil(T + 20);
        h.Log.Clear();

        h.Reload(new ReloadReading(null, 0, null, _ => null, [
            new ConfigProblem(new ConfigLocation("/ew/params/pick.desc", 12), ConfigProblemSeverity.Error, "statmgr: Bad <tsec:> line in </ew/params/pick.desc>; exiting.\n"),
            new ConfigProblem(new ConfigLocation("/ew/params/statmgr.d", 3), ConfigProblemSeverity.Warning, "statmgr: something odd\n"),
        ]));

        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("et", "/ew/params/pick.desc:12: error: statmgr: Bad <tsec:> line in </ew/params/pick.desc>; exiting.\n"),
            ("et", "/ew/params/statmgr.d:3: warning: statmgr: something odd\n"),
            ("et", "statmgr: reload refused; still running the configuration loaded at 2024-03-05 17:01:50 UTC\n"),
        }), "the loaded-at time is that of the last reload applied (T + 10)");
        Assert.That(h.Manager.Modules, Is.SameAs(modules));
        Assert.That(h.Manager.Context.Config, Is.SameAs(running));
    }

    [Test]
    public void ARemovedModuleIsForgottenAndItsHeartbeatsComeFromAnUnknownModule()
    {
        var h = Started(h => h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 10));
        h.RunUntil(T + 5);
        var next = h.NextConfig();
        next.Descriptors.RemoveAll(d => d.ModId == ModTank);

        h.Reload(next);
        h.Beat(ModTank, T + 6);
        h.RunUntil(T + 20);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: removed tankplayer\n", Done }));
        Assert.That(h.Manager!.Modules.Find(ModTank, Inst), Is.Null);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 5) + "  ewhost/statmgr msg from unknown module  (statmgr doesn't have a .desc file for this one) inst:2 mod:4 typ:3\n",
        }), "no death of the removed module at T + 11, and its heartbeat is from an unknown module");
    }

    [Test]
    public void ChangedLimitsApplyFromTheReloadOn()
    {
        var h = Started();
        h.RunUntil(T + 5);
        var next = h.NextConfig();
        next.Descriptors.Single(d => d.ModId == ModPick).HeartbeatTsec = 10;

        h.Reload(next);
        h.RunUntil(T + 10, 999);
        Assert.That(h.Reports, Is.Empty);
        h.RunUntil(T + 11, 1);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: changed limits of pick_ew\n", Done }));
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 11) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n" }),
            "the timer kept from startup (T), judged by the new tsec");
    }

    [Test]
    public void EveryChangeHasItsLineInOrder()
    {
        var h = Started(h => h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 0));
        var next = h.NextConfig();
        next.Descriptors.RemoveAll(d => d.ModId == ModTank);
        next.Descriptors.Add(NewDescriptor("pick_ew2", "MOD_WAVESERVERV", 5, 0, 0, 0));
        var pick = next.Descriptors.Single(d => d.ModId == ModPick);
        pick.RestartMe = true;
        pick.Errors.Add(new ErrorRule(4, 1, 0, 1, 1, "Late."));
        pick.PageGroups.Add("night");
        pick.SysName = "otherhost";
        next.MailRecipients.RemoveAt(1);
        next.PageGroups.Add("night");
        next.Subject = "ew";
        next.HeartbeatPageit = 30;
        next.LimitWindowSeconds = 3600;
        next.LogFile = 0;
        next.MyModuleId = 7;

        h.Reload(next);

        Assert.That(h.ReloadLines, Is.EqualTo(new[]
        {
            "statmgr: reload: added pick_ew2\n",
            "statmgr: reload: removed tankplayer\n",
            "statmgr: reload: changed limits of pick_ew\n",
            "statmgr: reload: changed recipients of pick_ew\n",
            "statmgr: reload: changed restartMe of pick_ew\n",
            "statmgr: reload: changed pick_ew\n",
            "statmgr: reload: mail recipients changed\n",
            "statmgr: reload: page groups changed\n",
            "statmgr: reload: mail settings changed\n",
            "statmgr: reload: heartbeatPageit changed\n",
            "statmgr: reload: LimitWindow changed\n",
            "statmgr: reload: MyModuleId changed; it takes effect at the next start\n",
            "statmgr: reload: LogFile changed; it takes effect at the next start\n",
            Done,
        }));
        Assert.That(h.Manager!.Context.Config.MyModuleId, Is.EqualTo(ModStatmgr), "statmgr keeps its module id until the next start");
        Assert.That(h.Log.Entries.Select(e => e.Flags).Distinct(), Is.EqualTo(new[] { "et" }));
    }

    [Test]
    public void ANewRingNameIsAttachedAndTheOldRingDetached()
    {
        var h = Started();
        var other = new InMemoryRing("OTHER_RING", 1060);
        h.Rings["OTHER_RING"] = other;
        h.Beat(ModPick, T, "1234");
        h.RunUntil(T + 1);
        var next = h.NextConfig();
        next.RingName = "OTHER_RING";
        next.RingKey = 1060;

        h.Reload(next);

        Assert.That(h.ReloadLines, Is.EqualTo(new[]
        {
            "statmgr: reload: RingName changed\n",
            "statmgr: reload: attached ring OTHER_RING\n",
            "statmgr: reload: detached ring STATUS_RING\n",
            Done,
        }));
        Assert.That(h.Ring.Disposed, Is.True);
        Assert.That(other.Flushes, Is.EqualTo(1), "what the new ring held before is old news, as at startup");
        Assert.That(h.Manager!.Rings.Attached, Is.EqualTo(new[] { other }));
        Assert.That(h.Module(ModPick).HeartbeatRing, Is.Null, "the ring of its last heartbeat is gone");
        h.Beat(ModPick, T + 25, "1234", other);
        h.RunUntil(T + 56, 1);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 56) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n" }),
            "the heartbeat was read from the new ring");
        Assert.That(other.PutTexts(Types.Page), Has.Count.EqualTo(1), "and the page goes to it");
    }

    [Test]
    public void AnUnchangedReloadSaysSoAndSendsNothing()
    {
        var h = Started(h => h.Pick.HeartbeatTsec = 5);
        h.BeatAt(ModPick, T + 3, "1234");
        int puts = h.Ring.Puts.Count;

        h.Reload(h.NextConfig());
        h.BeatAt(ModPick, T + 8, "1234");
        h.RunUntil(T + 9);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: no changes\n", Done }));
        Assert.That(h.Reports, Is.Empty);
        Assert.That(h.Ring.Puts, Has.Count.EqualTo(puts));
        Assert.That(h.Mail.Sent, Is.Empty);
    }

    [Test]
    public void ANewHeartbeatClockModeRestartsEveryTimerAtTheReload()
    {
        var h = Started();
        h.RunUntil(T + 20);
        var next = h.NextConfig();
        next.HeartbeatClock = HeartbeatClockMode.Receive;

        h.Reload(next);
        h.RunUntil(T + 50, 999);
        Assert.That(h.Reports, Is.Empty, "a timer of the sender's clock means nothing on statmgr's: a full tsec from the reload");
        h.RunUntil(T + 51, 1);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: HeartbeatClock changed\n", Done }));
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 51) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n" }));
    }

    [Test]
    public void AModuleMonitoredOnlyFromTheReloadOnGetsAFullTsec()
    {
        var h = Started(h =>
        {
            h.Pick.HeartbeatTsec = 0;
            h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 0);
        });
        h.RunUntil(T + 50);
        var next = h.NextConfig();
        next.Descriptors.Single(d => d.ModId == ModTank).HeartbeatTsec = 10;

        h.Reload(next);
        h.RunUntil(T + 60, 999);
        Assert.That(h.Reports, Is.Empty, "its startup timer is not a heartbeat: no death at the reload");
        h.RunUntil(T + 61, 1);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: changed limits of tankplayer\n", Done }));
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 61) + "  ewhost/tankplayer (MOD_TANKPLAYER) module dead\n" }));
    }

    [Test]
    public void ANewPageitIntervalCountsFromTheBeatAlreadyDue()
    {
        var h = Started(h => h.Pick.HeartbeatTsec = 0);
        int startup = h.Pages.Count;
        h.RunUntil(T + 10);
        var next = h.NextConfig();
        next.HeartbeatPageit = 30;

        h.Reload(next);
        h.RunUntil(T + 59, 999);
        Assert.That(h.Pages, Has.Count.EqualTo(startup), "the beat due at T + 60 is not moved");
        h.RunUntil(T + 60, 1);
        Assert.That(h.Pages, Has.Count.EqualTo(startup + 1));
        h.RunUntil(T + 90, 1);

        Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: heartbeatPageit changed\n", Done }));
        Assert.That(h.Pages, Has.Count.EqualTo(startup + 2), "then every 30 s");
        Assert.That(h.Pages[^1], Does.StartWith("alive:"));
    }
}
