using Statmgr.Earthworm.Transport;
using Statmgr.Notify;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// The page ring's lock stays taken (a C writer died holding the semaphore): the first put waits
/// its full second, later ones must not, and every page is put later or reported lost. The ring
/// moves the fake clock by the lock's timed wait whenever a put waits in vain.
/// </summary>
public class StuckRingTests
{
    private const byte ModSeis = 5;
    private const int Groups = 10;

    private static string Dead(string name, string modIdName) => $"  ewhost/{name} ({modIdName}) module dead Page sent.\n";

    private static string QueueStarts =>
        "statmgr: ring STATUS_RING (key 1050): scripted lock timeout; puts on this ring wait in a queue (at most 100 messages) and are tried again once a second\n";

    /// <summary>Ten page groups; pick, tankplayer and seis die at T+32, T+33 and T+34; the ring's lock is taken from the start.</summary>
    private static MonitorHarness StuckFromTheStart()
    {
        var h = MonitorHarness.Started(h =>
        {
            h.Config.PageGroups.Clear();
            for (int g = 1; g <= Groups; g++)
            {
                h.Config.PageGroups.Add($"g{g}");
            }
            h.Pick.HeartbeatMail = 0;
            h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 31, page: 5);
            h.AddModule("seis", "MOD_SEIS", ModSeis, 32, page: 5);
        });
        TakeTheLock(h);
        foreach (var module in new[] { ModPick, ModTank, ModSeis })
        {
            h.Beat(module, T + 1);
        }
        return h;
    }

    /// <summary>From now on the ring's lock is taken: a put that waits for it moves the clock by the lock's timed wait.</summary>
    private static void TakeTheLock(MonitorHarness h)
    {
        h.Ring.Stored.Clear();
        h.Ring.WaitingPuts = 0;
        h.Ring.PutResult = PutStatus.LockTimeout;
        h.Ring.LastProblem = "ring STATUS_RING (key 1050): scripted lock timeout";
        h.Ring.AfterLockWait = () => h.Advance(SystemVSemaphoreLock.Timeout);
    }

    private static IEnumerable<string> PagesOf(string report) => Enumerable.Range(1, Groups).Select(g => $"group: g{g} {report}#");

    [Test]
    public void AfterOneLockTimeoutLaterDeathsAreReportedOnTime()
    {
        var h = StuckFromTheStart();
        h.RunUntil(T + 40);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 32) + Dead("pick_ew", "MOD_PICK_EW"),
            Utc(T + 33) + Dead("tankplayer", "MOD_TANKPLAYER"),
            Utc(T + 34) + Dead("seis", "MOD_SEIS"),
        }));
        Assert.That(h.Ring.WaitingPuts, Is.EqualTo(1), "only the first put waits for the taken lock");
        Assert.That(h.Ring.Stored, Is.Empty);
    }

    [Test]
    public void QueuedPagesAreTriedOnceASecondWithoutWaitingAndPutInOrderWhenTheLockIsFree()
    {
        var h = StuckFromTheStart();
        h.RunUntil(T + 40);
        Assert.That(h.Ring.TriedPuts, Is.EqualTo(8), "one try, without waiting, in each second from T+33 to T+40");
        Assert.That(h.Ring.WaitingPuts, Is.EqualTo(1));

        h.Ring.PutResult = PutStatus.Ok;
        h.RunUntil(T + 41);
        var reports = h.Reports;
        Assert.That(h.Ring.StoredTexts(Types.Page), Is.EqualTo(reports.SelectMany(PagesOf)));
        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("e", reports[0]),
            ("et", QueueStarts),
            ("e", reports[1]),
            ("e", reports[2]),
            ("et", "statmgr: ring STATUS_RING (key 1050): the ring lock is free again; 30 queued messages put, 0 lost\n"),
        }));
    }

    [Test]
    public void APageMadeWhileOthersWaitIsQueuedBehindThemEvenWhenTheLockIsFreeAgain()
    {
        var h = StuckFromTheStart();
        h.RunUntil(T + 32, 500);
        h.Ring.PutResult = PutStatus.Ok;
        h.SendError(ModPick, T + 32, 3, "station XYZ dead");
        h.RunUntil(T + 33, 500);
        var stored = h.Ring.StoredTexts(Types.Page);
        Assert.That(stored, Has.Count.EqualTo(3 * Groups));
        Assert.That(stored.Take(Groups), Is.All.Contains("pick_ew (MOD_PICK_EW) module dead"), "the queued pages first");
        Assert.That(stored.Skip(Groups).Take(Groups), Is.All.Contains("station XYZ dead"), "then the error report read before the retry");
        Assert.That(stored.Skip(2 * Groups), Is.All.Contains("tankplayer (MOD_TANKPLAYER) module dead"), "then the death found after it");
    }

    [Test]
    public void WhatIsStillQueuedAtShutdownIsReportedLostInOneLine()
    {
        var h = StuckFromTheStart();
        h.RunUntil(T + 33);
        int tried = h.Ring.TriedPuts;
        h.Ring.Flag = RingFlag.Terminate;
        Assert.That(h.Manager!.RunPass().Stop, Is.True);
        h.Log.Clear();

        Assert.That(h.Manager.Stop(), Is.EqualTo(0));
        Assert.That(h.Ring.TriedPuts, Is.EqualTo(tried + 1), "one last try");
        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("e", Utc(T + 33) + "  ewhost/statmgr Program stopping. Page sent. Mail sent.\n"),
            ("et", "statmgr: ring STATUS_RING (key 1050): the ring lock is still taken at shutdown; 0 queued messages put, 20 lost (the oldest: page to group g1)\n"),
        }));
        Assert.That(h.Ring.Stored, Is.Empty);
    }

    [Test]
    public void AFullQueueLosesLaterMessagesAndSaysSoOnceThenCountsThem()
    {
        var h = MonitorHarness.Started(h =>
        {
            h.Config.HeartbeatPageit = 0;
            h.Pick.HeartbeatTsec = 0;
        });
        TakeTheLock(h);
        h.RunUntil(T + 110);
        h.Ring.PutResult = PutStatus.Ok;
        h.RunUntil(T + 111);

        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("et", QueueStarts),
            ("e", "Error sending pageit hbeat to transport region.\n"),
            ("et", "statmgr: ring STATUS_RING (key 1050): queue full (100 messages wait for the ring lock); lost: pageit heartbeat; later losses are counted until the lock is free again\n"),
            ("et", "statmgr: ring STATUS_RING (key 1050): the ring lock is free again; 100 queued messages put, 10 lost\n"),
        }));
        Assert.That(h.Ring.StoredTexts(Types.Page), Has.Count.EqualTo(RingOutbox.Capacity + 1).And.All.EqualTo("alive:ewhost#"),
            "the queued heartbeats, then the one of T+111 put at once");
        Assert.That(h.Ring.WaitingPuts, Is.EqualTo(2), "the one that found the lock taken, and the one after it was free again");
    }
}
