using Statmgr.Earthworm.Transport;
using Statmgr.EwSupervisor;
using Statmgr.Monitor.Rings;
using Statmgr.Tests.Fixtures;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class MultiRingTests
{
    /// <summary>A harness in CheckAllRings mode whose startstop answers every status request as <paramref name="answer"/> says.</summary>
    private static MonitorHarness AnsweringStatusRequests(Action<MonitorHarness> answer)
    {
        var h = new MonitorHarness();
        h.Config.CheckAllRings = 1;
        h.Ring.OnPut = (logo, _) =>
        {
            if (logo.Type == Types.ReqStatus)
            {
                answer(h);
            }
        };
        return h;
    }

    private static MonitorHarness TwoRings(out InMemoryRing wave)
    {
        var answer = StartstopStatus.Text(new("WAVE_RING", 1000, 1024), new("STATUS_RING", 1050, 128));
        var h = AnsweringStatusRequests(h => h.Ring.Enqueue(new Logo(Inst, 1, Types.Status), answer));
        h.Pick.RestartMe = true;
        wave = new InMemoryRing("WAVE_RING", 1000);
        h.Rings["WAVE_RING"] = wave;
        return h;
    }

    [Test]
    public void RingsComeFromStartstopsStatus()
    {
        var h = TwoRings(out _);
        h.Ring.Enqueue(new Logo(Inst, 1, Types.Status), StartstopStatus.Text(new StatusRing("OLD_RING", 9, 1)));
        h.Start();
        Assert.That(h.Ring.Puts[0], Is.EqualTo((new Logo(Inst, ModStatmgr, Types.ReqStatus), h.Ring.Puts[0].Body)));
        Assert.That(Text(h.Ring.Puts[0].Body), Is.EqualTo("2\n"));
        Assert.That(h.Out.ToString(), Is.EqualTo("WAVE_RING 1000 1024\nSTATUS_RING 1050 128\n"));
        Assert.That(h.Log.Entries.Take(2), Is.EqualTo(new[]
        {
            ("t", "Attaching to RING: WAVE_RING 1000 1024\n"),
            ("t", "Attaching to RING: STATUS_RING 1050 128\n"),
        }));
        Assert.That(h.Manager!.Rings.Monitored.Select(r => r.Name), Is.EqualTo(new[] { "WAVE_RING", "STATUS_RING" }));
    }

    [Test]
    public void RestartRequestGoesToTheRingOfTheLastHeartbeatAndPagesToRingName()
    {
        var h = TwoRings(out var wave);
        h.Start();
        h.Log.Clear();
        wave.Beat(ModPick, T + 1, "4321");
        h.RunUntil(T + 32);
        Assert.That(wave.PutTexts(Types.Restart), Is.EqualTo(new[] { "4321\n" }));
        Assert.That(h.Restarts(), Is.Empty);
        Assert.That(h.Pages.Last(), Is.EqualTo("group: ops " + Utc(T + 32) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n#"));
        Assert.That(wave.PutTexts(Types.Page), Is.Empty);
    }

    [Test]
    public void EveryRingIsDrainedBeforeTheScan()
    {
        var h = TwoRings(out var wave);
        h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 30);
        h.Start();
        h.RunUntil(T + 30, 995);
        h.Beat(ModPick, T + 30, "1");
        wave.Beat(ModTank, T + 30, "2");
        h.RunUntil(T + 32);
        Assert.That(h.Reports.Where(r => r.Contains("dead", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void DebugNamesTheRingOfEachHeartbeatAndEachRingVisit()
    {
        var h = TwoRings(out var wave);
        h.Config.Debug = 2;
        h.Start();
        h.Log.Clear();
        wave.Beat(ModPick, T, "4321");
        h.Manager!.RunPass();
        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("t", "Debug: Checking ring WAVE_RING \n"),
            ("t", $"Debug: HB Observed in ring WAVE_RING: inst:2 mod:MOD_PICK_EW typ:3 msg: {T} 4321\n"),
            ("t", "Debug: Checking ring STATUS_RING \n"),
        }));
    }

    [Test]
    public void MissesLowerTheWaitAsC()
    {
        var h = TwoRings(out var wave);
        h.Pick.HeartbeatTsec = 0;
        h.Statmgr.Errors.RemoveAll(e => e.Number == 4);
        h.Start();
        h.Log.Clear();
        for (int i = 0; i < 16; i++)
        {
            wave.Enqueue(From(ModPick, Types.Heartbeat), $"{T} 1\n", GetStatus.Miss);
        }
        h.Manager!.RunPass();
        var lowering = h.Log.Entries.Where(l => l.Flags == "t").Select(l => l.Text).ToList();
        Assert.That(lowering[0], Is.EqualTo("statmgr tport_getmsg missed messages in WAVE_RING: Lowering sleep_time, new value is 768\n"));
        Assert.That(lowering[14], Is.EqualTo("statmgr tport_getmsg missed messages in WAVE_RING: Lowering sleep_time, new value is 12\n"));
        Assert.That(lowering[15], Is.EqualTo("statmgr tport_getmsg missed messages in WAVE_RING\n"));
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.That(h.Manager.RunPass().Wait, Is.EqualTo(TimeSpan.FromMilliseconds(10)));
    }

    [Test]
    public void NoAnswerFallsBackToTheOneRingAfter29Polls()
    {
        var h = new MonitorHarness();
        h.Config.CheckAllRings = 1;
        h.Start();
        Assert.That(h.Waiter.Waits, Is.EqualTo(Enumerable.Repeat(TimeSpan.FromSeconds(1), 29)));
        Assert.That(h.Out.ToString(), Is.EqualTo("Earthworm may be hung; no response from startstop in 30 seconds while trying to get status message back.\n"));
        Assert.That(h.Log.Entries[0], Is.EqualTo(("e", "Can't get any ring information back from startstop. Reverting to just check the one ring specified in statmgr.d: STATUS_RING\n")));
        Assert.That(h.Log.Entries[1].Text, Does.EndWith("ewhost/statmgr Program starting. Page sent. Mail sent.\n"));
        Assert.That(h.Config.CheckAllRings, Is.EqualTo(0));
        Assert.That(h.Manager!.Rings.Monitored.Single().DebugName, Is.EqualTo(""));
    }

    [Test]
    public void AStopSignalEndsTheWaitForStartstopsAnswerAtOnce()
    {
        var h = new MonitorHarness();
        h.Config.CheckAllRings = 1;
        // The signal arrives with the fake clock at the third second of polling, during the third wait.
        using var signal = h.Time.CreateTimer(_ => h.Stop.Request(), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        h.Start();
        Assert.That(h.Waiter.Waits, Has.Count.EqualTo(3), "C would poll 29 times");
        Assert.That(h.Out.ToString(), Is.Empty, "startstop is not hung; statmgr was told to stop");
        Assert.That(h.Log.Entries[0], Is.EqualTo(("et", "statmgr: told to stop while waiting for startstop's ring list; monitoring only STATUS_RING until the stop\n")));
        Assert.That(h.Manager!.Rings.Monitored.Single().Ring, Is.SameAs(h.Ring));
    }

    [Test]
    public void ATerminateFlagEndsTheWaitAndTheFirstPassStops([Values(RingFlag.Terminate, OwnPid)] int flag)
    {
        var h = AnsweringStatusRequests(h => h.Ring.Flag = flag);
        h.Start();
        Assert.That(h.Waiter.Waits, Is.Empty);
        Assert.That(h.Log.Entries[0].Text, Does.StartWith("statmgr: told to stop while waiting"));
        Assert.That(h.Manager!.Run(), Is.Zero);
        Assert.That(h.Waiter.Waits, Is.Empty, "the first pass sees the flag");
    }

    [Test]
    public void ATooBigAnswerFallsBack()
    {
        var h = AnsweringStatusRequests(h => h.Ring.Enqueue(new Logo(Inst, 1, Types.Status), new byte[RingDiscovery.StatusBufferBytes + 1]));
        h.Start();
        Assert.That(h.Out.ToString(), Is.EqualTo("Earthworm is running, but the status msg is too big for me!\n"));
        Assert.That(h.Manager!.Rings.Monitored.Single().Ring, Is.SameAs(h.Ring));
    }

    [Test]
    public void AnAnswerWithoutRingsFallsBack()
    {
        var h = AnsweringStatusRequests(h => h.Ring.Enqueue(new Logo(Inst, 1, Types.Status), StartstopStatus.Text()));
        h.Start();
        Assert.That(h.Log.Entries[0].Text, Does.StartWith("Can't get any ring information back from startstop."));
    }

    [Test]
    public void FailedRequestIsSaidOnStderrAsC()
    {
        var h = new MonitorHarness();
        h.Config.CheckAllRings = 1;
        h.Ring.NextPutResults.Enqueue(PutStatus.NoTrack);
        h.Start();
        Assert.That(h.Err.ToString(), Is.EqualTo("status: Error sending message to transport region.\n"));
    }

    [Test]
    public void StatusTextParsingFollowsTheTokens()
    {
        // Ten rings: the tenth is numbered in two columns ("Ring 10"); a cut line ends the list.
        var listed = Enumerable.Range(1, 10).Select(i => new StatusRing($"R{i}", 41000 + i, 64 * i)).ToArray();
        var list = StartstopStatusText.ParseRings(StartstopStatus.Text(listed) + "  name/key/size:  CUT / 5");
        Assert.That(list.Rings, Is.EqualTo(listed.Select(r => new StartstopRing(r.Name, r.Key, r.SizeKb))));
        Assert.That(list.Ignored, Is.EqualTo("0 duplicate rings, 1 line that does not parse, 0 rings over the limit of 50"));
    }

    [Test]
    public void AForgedAnswerNamingOneRing800TimesAttachesItOnceAndSaysSoOnce()
    {
        var forged = StartstopStatus.Text(Enumerable.Repeat(new StatusRing("STATUS_RING", 1050, 128), 800).ToArray());
        var h = AnsweringStatusRequests(h => h.Ring.Enqueue(new Logo(Inst, 1, Types.Status), forged));
        h.Start();
        Assert.That(h.Manager!.Rings.Monitored.Select(r => r.Name), Is.EqualTo(new[] { "STATUS_RING" }));
        Assert.That(h.Out.ToString(), Is.EqualTo("STATUS_RING 1050 128\n"));
        Assert.That(h.Log.Entries.Take(2), Is.EqualTo(new[]
        {
            ("et", "statmgr: ignored in startstop's ring list: 799 duplicate rings, 0 lines that do not parse, 0 rings over the limit of 50\n"),
            ("t", "Attaching to RING: STATUS_RING 1050 128\n"),
        }));
        Assert.That(h.Log.Entries.Skip(2).Where(e => e.Text.Contains("startstop's ring list", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void SameKeyUnparsedLinesAndRingsBeyondFiftyAreLeftOutAndSummedUpInOneLine()
    {
        // 52 rings, one of them listed again under another name, and two lines that do not parse.
        var listed = Enumerable.Range(1, 52).Select(i => new StatusRing($"R{i}", 41000 + i, 64)).ToList();
        listed.Insert(3, new StatusRing("ALIAS_OF_R1", 41001, 64));
        var answer = StartstopStatus.Text([.. listed])
            + "        Ring 98 name/key/size:  BAD_KEY / 12ab / 64 kb\n"
            + "        Ring 99 name/key/size:  NO_SLASH - 41099 - 64 kb\n";
        var h = AnsweringStatusRequests(h => h.Ring.Enqueue(new Logo(Inst, 1, Types.Status), answer));
        foreach (var ring in listed)
        {
            h.Rings.TryAdd(ring.Name, new InMemoryRing(ring.Name, ring.Key));
        }
        h.Start();
        Assert.That(h.Manager!.Rings.Monitored.Select(r => r.Name), Is.EqualTo(Enumerable.Range(1, 50).Select(i => $"R{i}")));
        Assert.That(h.Log.Entries[0], Is.EqualTo(
            ("et", "statmgr: ignored in startstop's ring list: 1 duplicate ring, 2 lines that do not parse, 2 rings over the limit of 50\n")));
        Assert.That(h.Log.Entries.Count(e => e.Text.StartsWith("Attaching to RING: ", StringComparison.Ordinal)), Is.EqualTo(50));
    }

    [Test]
    public void AnOrdinaryAnswerLogsNothingAboutIgnoredRings()
    {
        var h = TwoRings(out _);
        h.Start();
        Assert.That(h.Log.Entries.Where(e => e.Text.Contains("startstop's ring list", StringComparison.Ordinal)), Is.Empty);
    }
}
