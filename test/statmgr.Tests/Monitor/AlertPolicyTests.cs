using Statmgr.Config;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// The opt-in alert policy on the fake clock: restart budget, backoff, reminders and flap
/// damping. pick_ew has tsec 30 and no page or mail limit, so every report is paged and mailed.
/// </summary>
public class AlertPolicyTests
{
    /// <summary>pick_ew's report of <paramref name="text"/> at <paramref name="time"/>, paged and mailed.</summary>
    private static string Report(long time, string text) => $"{Utc(time)}  ewhost/pick_ew (MOD_PICK_EW) {text} Page sent. Mail sent.\n";

    private static MonitorHarness Started(Action<AlertPolicySettings> policy, bool restartMe = true) =>
        StartedUnlimited(restartMe, h => policy(h.Pick.Policy));

    /// <summary>"module dead" at the first time, "module alive" at the second, and so on.</summary>
    private static IEnumerable<string> DeadThenAlive(params long[] times) =>
        times.Select((time, i) => Report(time, i % 2 == 0 ? "module dead" : "module alive"));

    private static void BeatAt(MonitorHarness h, long time, string? pid = null) => h.BeatAt(ModPick, time, pid);

    /// <summary>pick_ew beats every 10 s from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static void BeatSteadily(MonitorHarness h, long from, long to, string? pid = null)
    {
        for (long t = from; t <= to; t += 10)
        {
            BeatAt(h, t, pid);
        }
    }

    /// <summary>The restart requests so far number <paramref name="before"/> just before <paramref name="second"/> and one more at it.</summary>
    private static void AssertRequestAt(MonitorHarness h, long second, int before)
    {
        h.RunUntil(second - 1, 999);
        Assert.That(h.Restarts(), Has.Count.EqualTo(before), $"no request before {second - T}");
        h.RunUntil(second);
        Assert.That(h.Restarts(), Has.Count.EqualTo(before + 1), $"the request at {second - T}");
    }

    private static List<string> EtLines(MonitorHarness h) => h.Log.Entries.Where(e => e.Flags == "et").Select(e => e.Text).ToList();

    [Test]
    public void TheBudgetIsSpentAtExactlyNAndSaidOnce()
    {
        var h = Started(p => p.Budget = new RestartBudget(2, 120));
        BeatAt(h, T + 1, "100");   // dies at T+32: request 1
        BeatAt(h, T + 33, "101");  // dies at T+64: request 2
        BeatAt(h, T + 65, "102");  // dies at T+96: 2 requests in 120 s, the budget is spent
        BeatAt(h, T + 97, "103");  // dies at T+128: still spent
        h.RunUntil(T + 200);

        Assert.That(h.Restarts(), Is.EqualTo(new[] { "100\n", "101\n" }));
        Assert.That(h.Reports, Is.EqualTo(DeadThenAlive(T + 32, T + 33, T + 64, T + 65)
            .Append(Report(T + 96, "module dead; restart budget spent (2 restarts in 120 s); needs human intervention."))
            .Append(Report(T + 97, "module alive"))
            .Append(Report(T + 128, "module dead"))));
        Assert.That(EtLines(h), Does.Contain("statmgr: restart budget for pick_ew is spent; no restart request\n"));
    }

    [Test]
    public void TheBudgetComesBackAfterWSecondsOfLife()
    {
        var h = Started(p => p.Budget = new RestartBudget(1, 120));
        BeatAt(h, T + 1, "100");   // dies at T+32: request 1
        BeatAt(h, T + 33, "101");  // dies at T+64: spent
        h.RunUntil(T + 70);
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "100\n" }));
        BeatSteadily(h, T + 70, T + 180, "102");
        h.RunUntil(T + 189, 999);
        Assert.That(EtLines(h), Has.None.Contains("restart budget restored"), "alive for 119 s");
        h.RunUntil(T + 190);
        Assert.That(EtLines(h), Does.Contain("statmgr: pick_ew alive for 120 s; restart budget restored (1 restarts in 120 s)\n"));
        BeatAt(h, T + 190, "102");
        AssertRequestAt(h, T + 221, before: 1);
        Assert.That(h.Restarts()[^1], Is.EqualTo("102\n"));
    }

    [Test]
    public void TheBackoffDoublesUpToItsMaximum()
    {
        var h = Started(p => p.Backoff = new RestartBackoff(5, 12));
        BeatAt(h, T + 1, "100");              // dies at T+32
        AssertRequestAt(h, T + 37, before: 0); // 5 s
        BeatAt(h, T + 38, "101");             // dies at T+69
        AssertRequestAt(h, T + 79, before: 1); // 10 s
        BeatAt(h, T + 80, "102");             // dies at T+111
        AssertRequestAt(h, T + 123, before: 2); // 20 s, cut to 12
        BeatAt(h, T + 124, "103");            // dies at T+155
        AssertRequestAt(h, T + 167, before: 3); // 12 s again
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "100\n", "101\n", "102\n", "103\n" }));
        Assert.That(EtLines(h).Where(l => l.Contains("(backoff)", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "statmgr: restart request for pick_ew pid 100 in 5 s (backoff)\n",
            "statmgr: restart request for pick_ew pid 101 in 10 s (backoff)\n",
            "statmgr: restart request for pick_ew pid 102 in 12 s (backoff)\n",
            "statmgr: restart request for pick_ew pid 103 in 12 s (backoff)\n",
        }));
        Assert.That(h.Reports.Count(r => r.Contains("module dead", StringComparison.Ordinal)), Is.EqualTo(4), "each death is reported once");
    }

    [Test]
    public void AHeartbeatDuringTheDelayCancelsTheRequest()
    {
        var h = Started(p => p.Backoff = new RestartBackoff(10, 60));
        BeatAt(h, T + 1, "100");   // dies at T+32; the request would go at T+42
        BeatAt(h, T + 35, "100");
        h.RunUntil(T + 60);
        Assert.That(h.Restarts(), Is.Empty);
        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 32, "module dead"), Report(T + 35, "module alive") }));
        Assert.That(EtLines(h), Is.EqualTo(new[]
        {
            "statmgr: restart request for pick_ew pid 100 in 10 s (backoff)\n",
            "statmgr: pick_ew is alive again; its delayed restart request is not sent\n",
        }));
    }

    [Test]
    public void RemindersComeEverySWithTheTimeDead()
    {
        var h = Started(p => p.RemindSeconds = 1800, restartMe: false);
        BeatAt(h, T + 1);            // dies at T+32
        h.RunUntil(T + 1831, 999);
        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 32, "module dead") }));
        h.RunUntil(T + 5500);
        BeatAt(h, T + 5500);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Report(T + 32, "module dead"),
            Report(T + 1832, "module still dead for 0h 30m"),
            Report(T + 3632, "module still dead for 1h 0m"),
            Report(T + 5432, "module still dead for 1h 30m"),
            Report(T + 5500, "module alive after 1h 31m dead"),
        }));
        h.RunUntil(T + 7500);
        Assert.That(h.Reports.Skip(5), Is.EqualTo(new[]
        {
            Report(T + 5531, "module dead"),
            Report(T + 7331, "module still dead for 0h 30m"),
        }), "the next death starts its own reminders");
    }

    [Test]
    public void FlappingIsSaidAtKPlusOneHeldBackAndReleasedAfterW()
    {
        var h = Started(p => p.Flap = new FlapLimit(2, 300), restartMe: false);
        BeatAt(h, T + 1);     // dies at T+32
        BeatAt(h, T + 40);    // back 1; dies at T+71
        BeatAt(h, T + 80);    // back 2; dies at T+111
        BeatAt(h, T + 120);   // back 3: flapping; dies at T+151, held back
        BeatSteadily(h, T + 160, T + 470); // back, held back; steady from T+160
        Assert.That(h.Reports, Is.EqualTo(DeadThenAlive(T + 32, T + 40, T + 71, T + 80, T + 111).Concat(
        [
            Report(T + 120, "module flapping (3 returns to life in 300 s); dead/alive reports held back until steady for 300 s"),
            Report(T + 460, "module steady for 300 s after flapping; now alive"),
        ])));
        Assert.That(h.Log.Entries.Where(e => e.Text.Contains("held back:", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            ("et", "statmgr: pick_ew is flapping; report held back: module dead\n"),
            ("et", "statmgr: pick_ew is flapping; report held back: module alive\n"),
        }));
    }

    [Test]
    public void FlappingEndsWithTheStateItEndsIn()
    {
        var h = Started(p => p.Flap = new FlapLimit(1, 100), restartMe: false);
        BeatAt(h, T + 1);     // dies at T+32
        BeatAt(h, T + 40);    // back 1; dies at T+71
        BeatAt(h, T + 80);    // back 2: flapping; dies at T+111, held back
        h.RunUntil(T + 211);
        Assert.That(h.Reports[^1], Is.EqualTo(Report(T + 211, "module steady for 100 s after flapping; now dead")));
    }
}
