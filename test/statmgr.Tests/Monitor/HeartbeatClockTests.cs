using Statmgr.Config;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// HeartbeatClock receive: heartbeats are timed by when statmgr read them, so a sender whose
/// clock is off neither dies while it beats nor lives on after it stops. HeartbeatSkew: in both
/// modes a sender's clock that is off is logged once, then at most hourly while it lasts.
/// </summary>
public class HeartbeatClockTests
{
    private const string PickSkew = "ewhost/pick_ew (MOD_PICK_EW)";

    [TestCase(nameof(HeartbeatClockMode.Receive), -120)]
    [TestCase(nameof(HeartbeatClockMode.Sender), 90)]
    public void ClockSkewIsLoggedOncePerModuleThenHourlyAndItsEndIsLogged(string mode, int offset)
    {
        var h = Started(h => h.Config.HeartbeatClock = Enum.Parse<HeartbeatClockMode>(mode));
        string first = $"statmgr: clock skew {offset} s for {PickSkew}: its heartbeat time is {Math.Abs(offset)} s "
            + $"{(offset < 0 ? "behind" : "ahead of")} statmgr's clock (HeartbeatSkew 60)\n";
        string reminder = $"statmgr: clock skew {offset} s for {PickSkew} still: its heartbeat time is {Math.Abs(offset)} s "
            + $"{(offset < 0 ? "behind" : "ahead of")} statmgr's clock (HeartbeatSkew 60)\n";

        BeatEveryTenSeconds(h, T, T + 3600, offset);
        Assert.That(SkewLines(h), Is.EqualTo(new[] { ("et", first) }), "once in the first hour");
        BeatEveryTenSeconds(h, T + 3600, T + 7200, offset);
        Assert.That(SkewLines(h), Is.EqualTo(new[] { ("et", first), ("et", reminder) }), "one reminder an hour after");
        BeatEveryTenSeconds(h, T + 7200, T + 7230, offset: 0);

        Assert.That(SkewLines(h), Is.EqualTo(new[]
        {
            ("et", first),
            ("et", reminder),
            ("et", $"statmgr: clock skew for {PickSkew} ended: its heartbeat time is within 60 s of statmgr's clock (0 s)\n"),
        }));
        Assert.That(h.Reports, Is.Empty);
    }

    [Test]
    public void InReceiveModeASenderTwoMinutesBehindStaysAliveWhileItBeatsAndDiesTsecAfterItsLastOneIsRead()
    {
        var h = Started(h => h.Config.HeartbeatClock = HeartbeatClockMode.Receive);
        BeatEveryTenSeconds(h, T, T + 300, offset: -120);

        Assert.That(h.Reports, Is.Empty, "alive while its heartbeats arrive");
        Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T + 290), "the second the last heartbeat was read");
        h.RunUntil(T + 322);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 321) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n" }));
    }

    [Test]
    public void InReceiveModeModuleAliveIsStampedWithStatmgrsClock()
    {
        var h = Started(h => h.Config.HeartbeatClock = HeartbeatClockMode.Receive);
        h.RunUntil(T + 100);
        h.Beat(ModPick, T + 100 - 120);
        h.RunUntil(T + 101);

        Assert.That(h.Reports[^1], Is.EqualTo(Utc(T + 100) + "  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent. Mail sent.\n"),
            "stamped when statmgr read it, not with the sender's T - 20");
    }

    [Test]
    public void HeartbeatSkewZeroChecksNothing()
    {
        var h = Started(h => h.Config.HeartbeatSkewSeconds = 0);
        BeatEveryTenSeconds(h, T, T + 60, offset: 600);
        Assert.That(h.Log.Entries, Is.Empty);
    }

    [Test]
    public void ASkewOfExactlyTheLimitIsNotLogged()
    {
        var h = Started(h => h.Config.HeartbeatSkewSeconds = 30);
        BeatEveryTenSeconds(h, T, T + 60, offset: 30);
        Assert.That(SkewLines(h), Is.Empty);
        BeatEveryTenSeconds(h, T + 60, T + 70, offset: 31);
        Assert.That(SkewLines(h).Single().Text, Does.StartWith($"statmgr: clock skew 31 s for {PickSkew}: "));
    }

    /// <summary>Pick beats at <paramref name="from"/>, every 10 s before <paramref name="to"/>, stamped <paramref name="offset"/> s off statmgr's clock; the loop runs to <paramref name="to"/>.</summary>
    private static void BeatEveryTenSeconds(MonitorHarness h, long from, long to, int offset)
    {
        for (var t = from; t < to; t += 10)
        {
            h.RunUntil(t);
            h.Beat(ModPick, t + offset, "4242");
        }
        h.RunUntil(to);
    }

    private static List<(string Flags, string Text)> SkewLines(MonitorHarness h) =>
        h.Log.Entries.Where(e => e.Text.StartsWith("statmgr: clock skew", StringComparison.Ordinal)).ToList();
}
